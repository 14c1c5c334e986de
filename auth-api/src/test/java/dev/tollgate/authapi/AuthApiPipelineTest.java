package dev.tollgate.authapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.authapi.cors.Cors;
import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.log.RequestLog;
import dev.tollgate.authapi.routing.Router;
import dev.tollgate.log.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pipeline around the routes: limits, preflights, error mapping, CORS on every answer, the log line. */
class AuthApiPipelineTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String SITE = "http://localhost:3000";

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private final AuthApi api = new AuthApi(
            Router.builder("/dev", "/auth")
                    .route(
                            "POST",
                            "/signin",
                            request -> ApiResponse.json(200, Json.status("OK")).userId("user-1"))
                    .route("POST", "/boom", request -> {
                        throw new IllegalStateException("secret detail");
                    })
                    .route("POST", "/core", request -> {
                        throw new ApiException.CoreFailure("session refresh (HTTP 503)", null);
                    })
                    .build(),
            new Cors(SITE),
            new RequestLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8), Level.INFO));

    private static ApiRequest request(String method, String path, String body) {
        return new ApiRequest(method, path, Map.of("origin", List.of(SITE)), Map.of(), body);
    }

    private static JsonNode json(ApiResponse response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    @Test
    void unknownRouteIs404WithAJsonMessageAndCors() throws Exception {
        ApiResponse response = api.handle(request("GET", "/auth/nothing", ""), "r1");
        assertThat(response.status()).isEqualTo(404);
        assertThat(json(response).get("message").asText()).contains("/auth/nothing");
        assertThat(response.headers())
                .containsEntry("Access-Control-Allow-Origin", SITE)
                .containsEntry("Content-Type", "application/json");
    }

    @Test
    void wrongMethodIs405WithAllow() throws Exception {
        ApiResponse response = api.handle(request("GET", "/auth/signin", ""), "r1");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headerValue("Allow")).isEqualTo("POST, OPTIONS");
        assertThat(json(response).get("message").asText()).isEqualTo("Method GET is not allowed here");
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        ApiResponse response =
                api.handle(request("POST", "/auth/signin", "x".repeat(AuthApi.MAX_BODY_BYTES + 1)), "r1");
        assertThat(response.status()).isEqualTo(413);
        assertThat(json(response).get("message").asText()).contains("larger than");
        assertThat(api.handle(request("POST", "/auth/signin", "x".repeat(AuthApi.MAX_BODY_BYTES)), "r2")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void preflightOfAKnownRouteIsAnswered() {
        ApiResponse response = api.handle(request("OPTIONS", "/auth/public/signin", ""), "r1");
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.headerValue("Access-Control-Allow-Methods")).isEqualTo("POST, OPTIONS");
    }

    @Test
    void ourBugIsA500WithoutDetails() throws Exception {
        ApiResponse response = api.handle(request("POST", "/auth/boom", ""), "r1");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("secret detail");
        assertThat(json(response).get("message").asText()).isEqualTo("Internal error in the auth API");
    }

    @Test
    void coreFailureIsA500ThatSaysSo() throws Exception {
        ApiResponse response = api.handle(request("POST", "/auth/core", ""), "r1");
        assertThat(response.status()).isEqualTo(500);
        assertThat(json(response).get("message").asText()).startsWith("The SuperTokens core failed");
    }

    @Test
    void writesOneJsonLinePerRequest() throws Exception {
        api.handle(
                request("POST", "/auth/signin", "{\"formFields\":[{\"id\":\"password\",\"value\":\"hunter22\"}]}"),
                "req-7");
        String[] lines = logBytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        JsonNode line = MAPPER.readTree(lines[0]);
        assertThat(line.get("requestId").asText()).isEqualTo("req-7");
        assertThat(line.get("route").asText()).isEqualTo("/signin");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("userId").asText()).isEqualTo("user-1");
        assertThat(line.has("latencyMs")).isTrue();
        assertThat(lines[0]).doesNotContain("hunter22");
    }
}
