package dev.tollgate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole stack over HTTP, as the demo's browser uses it: sign up through the gateway and the auth API
 * Lambda, call AppSync through the REQUEST authorizer with the session cookies, let the access token
 * expire (401), refresh, and see only one's own notes. Needs the function jars and the demo site built
 * (the root {@code ./mvnw verify} builds them before this module); without them it is skipped, saying so.
 */
class LocalCloudIT {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final Duration ACCESS_TOKEN_VALIDITY = Duration.ofSeconds(6);

    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        LocalCloudLayout layout = new LocalCloudLayout(REPO);
        for (Path needed : List.of(layout.authorizerJar(), layout.authApiJar(), layout.resolverJar(), layout.site())) {
            assertTrue(
                    Files.exists(needed),
                    "not built: " + REPO.relativize(needed)
                            + " (run ./mvnw -B -DskipTests package -pl authorizer,auth-api,appsync-integration,demo-web -am)");
        }
        cloud = LocalCloud.start(LocalCloudOptions.builder(REPO)
                .ephemeralPorts()
                .accessTokenValidity(ACCESS_TOKEN_VALIDITY)
                .build());
    }

    @AfterAll
    static void stop() {
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void signUpCallExpireRefreshAndSeeOnlyOwnNotes() throws Exception {
        CloudClient ada = new CloudClient(cloud.api(), cloud.web());
        CloudClient bob = new CloudClient(cloud.api(), cloud.web());
        HttpResponse<String> adaSignUp = ada.signUp("ada-" + UUID.randomUUID() + "@example.com", "Correct-horse-7");
        String adaId = signedUp(ada, adaSignUp);
        String bobId = signUp(bob, "bob-" + UUID.randomUUID() + "@example.com");
        assertThat(adaId).isNotEqualTo(bobId);

        HttpResponse<String> me = ada.graphql("/graphql", "{ me { userId } }");
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(CloudClient.json(me).at("/data/me/userId").asText()).isEqualTo(adaId);
        assertThat(me.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(cloud.web().toString());

        addNote(ada, "ada's first note");
        addNote(bob, "bob's note");
        String issuedAccessToken = ada.cookies.get("sAccessToken");

        // the front-token says when the access token expires ("ate", epoch ms), as the SDK reads it
        long expiresAt = frontToken(adaSignUp).get("ate").asLong();
        assertThat(expiresAt).isGreaterThan(System.currentTimeMillis());
        Thread.sleep(expiresAt - System.currentTimeMillis() + 1000);
        HttpResponse<String> expired = ada.graphql("/graphql", "{ me { userId } }");
        assertThat(expired.statusCode()).as(expired.body()).isEqualTo(401);
        assertThat(expired.headers().firstValue("Access-Control-Allow-Origin"))
                .contains(cloud.web().toString());
        assertThat(expired.headers().firstValue("Access-Control-Allow-Credentials"))
                .contains("true");

        HttpResponse<String> refreshed = ada.refresh();
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.headers().firstValue("front-token")).isPresent();
        assertThat(ada.cookies.get("sAccessToken")).isNotEqualTo(issuedAccessToken);

        HttpResponse<String> notes = ada.graphql("/graphql", "{ me { userId } notes { text } }");
        assertThat(notes.statusCode()).as(notes.body()).isEqualTo(200);
        JsonNode data = CloudClient.json(notes).get("data");
        assertThat(data.at("/me/userId").asText()).isEqualTo(adaId);
        List<String> texts = new ArrayList<>();
        data.get("notes").forEach(note -> texts.add(note.get("text").asText()));
        assertThat(texts).containsExactly("ada's first note");
    }

    @Test
    void theVerifiedRouteNeedsAVerifiedEmail() throws Exception {
        CloudClient eve = new CloudClient(cloud.api(), cloud.web());
        signUp(eve, "eve-" + UUID.randomUUID() + "@example.com");

        HttpResponse<String> denied = eve.graphql("/verified/graphql", "{ me { userId } }");

        assertThat(denied.statusCode()).as(denied.body()).isEqualTo(403);
        assertThat(CloudClient.json(denied).get("message").asText()).isEqualTo("invalid claim");
        assertThat(CloudClient.json(denied).at("/claimValidationErrors/0/id").asText())
                .isEqualTo("st-ev");
    }

    @Test
    void theVerificationEmailReachesTheMailboxAndItsTokenOpensTheVerifiedRoute() throws Exception {
        CloudClient una = new CloudClient(cloud.api(), cloud.web());
        String email = "una-" + UUID.randomUUID() + "@example.com";
        String unaId = signUp(una, email);

        HttpResponse<String> sent = una.auth("/auth/user/email/verify/token", "emailverification", "");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(CloudClient.json(sent).get("status").asText()).isEqualTo("OK");

        var http = HttpClient.newHttpClient();
        HttpResponse<String> inbox = http.send(
                HttpRequest.newBuilder(cloud.mailbox()
                                .resolve("/messages?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode messages = CloudClient.JSON.readTree(inbox.body());
        assertThat(messages).hasSize(1);
        String link = messages.get(0).get("link").asText();
        assertThat(link).startsWith(cloud.web() + "/auth/verify-email?token=").endsWith("&tenantId=public");
        String token = URLDecoder.decode(link.replaceAll(".*[?&]token=([^&]+).*", "$1"), StandardCharsets.UTF_8);
        var verifyBody =
                CloudClient.JSON.createObjectNode().put("method", "token").put("token", token);
        HttpResponse<String> verified = una.auth("/auth/user/email/verify", "emailverification", verifyBody.toString());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(CloudClient.json(verified).get("status").asText())
                .as(verified.body())
                .isEqualTo("OK");

        HttpResponse<String> allowed = una.graphql("/verified/graphql", "{ me { userId } }");
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
        assertThat(CloudClient.json(allowed).at("/data/me/userId").asText()).isEqualTo(unaId);
    }

    @Test
    void aRequestWithoutSessionIsUnauthorisedAndNeverReachesAppSync() throws Exception {
        CloudClient stranger = new CloudClient(cloud.api(), cloud.web());

        HttpResponse<String> response = stranger.graphql("/graphql", "{ me { userId } }");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(CloudClient.json(response).get("message").asText()).isEqualTo("Unauthorized");
    }

    @Test
    void theWebHostServesTheSiteAndItsConfig() throws Exception {
        var http = HttpClient.newHttpClient();
        var config = http.send(
                HttpRequest.newBuilder(cloud.web().resolve("/config.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(config.statusCode()).isEqualTo(200);
        JsonNode json = CloudClient.JSON.readTree(config.body());
        assertThat(json.get("apiDomain").asText() + json.get("apiGatewayPath").asText())
                .isEqualTo(cloud.api().toString());
        assertThat(json.get("apiBasePath").asText()).isEqualTo("/auth");
        assertThat(json.get("websiteDomain").asText()).isEqualTo(cloud.web().toString());
        assertThat(json.get("mailboxUrl").asText()).isEqualTo(cloud.mailbox().toString());
        var index = http.send(
                HttpRequest.newBuilder(cloud.web().resolve("/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
    }

    private static String signUp(CloudClient client, String email) throws Exception {
        return signedUp(client, client.signUp(email, "Correct-horse-7"));
    }

    private static JsonNode frontToken(HttpResponse<String> response) throws Exception {
        String header = response.headers().firstValue("front-token").orElseThrow();
        return CloudClient.JSON.readTree(Base64.getDecoder().decode(header));
    }

    private static String signedUp(CloudClient client, HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = CloudClient.json(response);
        assertThat(body.get("status").asText()).as(response.body()).isEqualTo("OK");
        assertThat(client.cookies).containsKeys("sAccessToken", "sRefreshToken");
        assertThat(response.headers().firstValue("front-token")).isPresent();
        return body.at("/user/id").asText();
    }

    private static void addNote(CloudClient client, String text) throws Exception {
        HttpResponse<String> response = client.graphql(
                "/graphql", "mutation { addNote(text: \"" + text.replace("\"", "\\\"") + "\") { id text } }");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(CloudClient.json(response).at("/data/addNote/text").asText())
                .as(response.body())
                .isEqualTo(text);
    }
}
