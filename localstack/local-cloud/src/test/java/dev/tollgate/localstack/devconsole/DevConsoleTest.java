package dev.tollgate.localstack.devconsole;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.CoreConfig;
import dev.tollgate.localstack.core.CoreStandIn;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.core.CreatedSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dev console against the core stand-in: granting the admin role reaches the user's live sessions. */
class DevConsoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SITE = "http://localhost:3000";

    private final CoreStandIn standIn =
            CoreStandIn.start(CoreConfig.builder().port(0).build());
    private final CoreClient core =
            new CoreClient(List.of(standIn.uri()), null, Duration.ofSeconds(5), HttpClient.newHttpClient());
    private final DevConsole console = DevConsole.start(0, core, URI.create(SITE));
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        console.close();
        standIn.close();
    }

    private HttpResponse<String> post(String origin, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(console.uri().resolve("/admins"))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode payload(String jwt) throws Exception {
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void grantingAdminReachesTheNextAccessTokenOfEveryLiveSession() throws Exception {
        CoreResults.SignUpOk user = (CoreResults.SignUpOk) core.signUp("public", "ada@example.com", "password123");
        ObjectNode claims = JSON.createObjectNode();
        claims.putObject("st-role").put("t", 1L).putArray("v");
        claims.putObject("st-ev").put("v", true).put("t", 1L);
        CreatedSession session = core.createSession("public", user.recipeUserId(), claims, null, false, true);

        HttpResponse<String> granted =
                post(SITE, "application/json", "{\"userId\":\"" + user.user().id() + "\"}");
        assertThat(granted.statusCode()).isEqualTo(200);
        assertThat(granted.headers().firstValue("Access-Control-Allow-Origin")).hasValue(SITE);
        assertThat(JSON.readTree(granted.body()))
                .isEqualTo(JSON.readTree("{\"status\":\"OK\",\"role\":\"admin\",\"didUserAlreadyHaveRole\":false,"
                        + "\"sessionsUpdated\":1}"));
        assertThat(core.rolesForUser("public", user.user().id())).containsExactly("admin");
        assertThat(core.permissionsForRole("admin")).contains(List.of("notes:count-all"));

        // no new sign-in: the session's next access token (here: after a refresh) carries the role
        CoreResults.RefreshOk refreshed = (CoreResults.RefreshOk)
                core.refreshSession(session.refreshToken().token(), null, false, true);
        JsonNode next = payload(refreshed.session().accessToken().token());
        assertThat(next.get("st-role").get("v"))
                .containsExactly(JSON.getNodeFactory().textNode("admin"));
        assertThat(next.get("st-perm").get("v"))
                .containsExactly(JSON.getNodeFactory().textNode("notes:count-all"));
        assertThat(next.get("st-role").get("t").asLong()).isGreaterThan(1L);
        assertThat(next.get("st-ev").get("v").asBoolean())
                .as("other claims are kept")
                .isTrue();

        HttpResponse<String> again =
                post(null, "application/json", "{\"userId\":\"" + user.user().id() + "\"}");
        assertThat(JSON.readTree(again.body()).get("didUserAlreadyHaveRole").asBoolean())
                .isTrue();
    }

    @Test
    void refusesOtherOriginsBadBodiesAndUnknownUsers() throws Exception {
        assertThat(post("http://evil.example", "application/json", "{\"userId\":\"x\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(post(SITE, "text/plain", "{\"userId\":\"x\"}").statusCode()).isEqualTo(415);
        assertThat(post(SITE, "application/json", "{\"userId\":7}").statusCode())
                .isEqualTo(400);
        assertThat(post(SITE, "application/json", "not json").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = post(SITE, "application/json", "{\"userId\":\"nobody\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(unknown.body()).get("message").asText()).isEqualTo("the core knows no user nobody");

        HttpResponse<String> preflight = http.send(
                HttpRequest.newBuilder(console.uri().resolve("/admins"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", SITE)
                        .header("Access-Control-Request-Method", "POST")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(204);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
                .hasValue("content-type");
        assertThat(http.send(
                                HttpRequest.newBuilder(console.uri().resolve("/other"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }
}
