package dev.tollgate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.CoreConfig;
import dev.tollgate.localstack.core.CoreStandIn;
import dev.tollgate.testkit.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What both sides of a warm comparison decide on, written to one file that the forked JMH JVMs and
 * the Node peer read: the core's URL (for its JWKS), the function settings, one event for the
 * repeated-token case and many events each carrying a distinct token for the miss case. Every token
 * is minted by the core stand-in through the CDI {@code POST /recipe/session}, the way a sign-in
 * mints it, so both sides verify the real core's format.
 */
record WarmInput(
        String connectionUri,
        String apiDomain,
        String websiteDomain,
        String apiGatewayPath,
        String hitEvent,
        List<String> missEvents,
        int hitCalls,
        int warmupCalls) {

    static final String PROPERTY = "tollgate.bench.input";
    static final String EXPECTED_USER_PREFIX = "bench-user-";
    private static final ObjectMapper JSON = new ObjectMapper();

    Map<String, String> authorizerEnv() {
        return Map.of(
                "SUPERTOKENS_CONNECTION_URI", connectionUri,
                "API_DOMAIN", apiDomain,
                "WEBSITE_DOMAIN", websiteDomain,
                "API_GATEWAY_PATH", apiGatewayPath,
                "LOG_LEVEL", "INFO");
    }

    /** Mints {@code 1 + missTokens} sessions at {@code core} and builds the events around their tokens. */
    static WarmInput mint(CoreStandIn core, int missTokens) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String hit = event(mintToken(http, core.uri(), EXPECTED_USER_PREFIX + "hit"));
        List<String> miss = new ArrayList<>(missTokens);
        for (int i = 0; i < missTokens; i++) {
            miss.add(event(mintToken(http, core.uri(), EXPECTED_USER_PREFIX + i)));
        }
        return new WarmInput(
                core.uri().toString().replaceAll("/$", ""),
                "http://localhost:4000",
                "http://localhost:3000",
                "/dev",
                hit,
                miss,
                5000,
                3000);
    }

    /** A core stand-in whose tokens outlive any benchmark run. */
    static CoreStandIn startCore() {
        return CoreStandIn.start(CoreConfig.builder()
                .host("127.0.0.1")
                .port(0)
                .accessTokenValidity(Duration.ofHours(6))
                .build());
    }

    private static String event(String token) {
        return Fixtures.event("allow-cookie-session.json", Map.of("ACCESS_TOKEN", token));
    }

    private static String mintToken(HttpClient http, URI core, String userId) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("userId", userId);
        body.put("enableAntiCsrf", false);
        body.putObject("userDataInJWT");
        body.putObject("userDataInDatabase");
        body.put("useDynamicSigningKey", true);
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(core.resolve("/recipe/session"))
                        .header("content-type", "application/json")
                        .header("cdi-version", "5.4")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        if (response.statusCode() != 200 || !"OK".equals(answer.path("status").asText())) {
            throw new IllegalStateException("the core stand-in did not create a session: " + response.statusCode());
        }
        return answer.path("accessToken").path("token").asText();
    }

    void write(Path file) throws IOException {
        Files.writeString(file, JSON.writeValueAsString(this));
    }

    static WarmInput read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), WarmInput.class);
    }

    /** The input file named by the system property the comparison passes to each JMH fork. */
    static WarmInput fromProperty() throws IOException {
        String path = System.getProperty(PROPERTY);
        if (path == null) {
            throw new IllegalStateException("-D" + PROPERTY + "=<file> is required; run WarmComparison");
        }
        return read(Path.of(path));
    }
}
