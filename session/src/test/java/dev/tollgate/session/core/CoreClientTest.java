package dev.tollgate.session.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.internal.core.CoreTransport;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.CannedCore;
import dev.tollgate.testkit.GoldenCaptures;
import dev.tollgate.testkit.GoldenCaptures.Capture;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CDI client against a loopback core that answers the golden captures of a real core 11.4.7, run
 * over each way it can talk HTTP: {@link CoreClientOverUrlConnectionTest} (what production builds from
 * a config) and {@link CoreClientOverHttpClientTest} (a caller's client).
 */
abstract class CoreClientTest {
    @AutoClose
    CannedCore core;

    CoreClient client;

    /** A client for {@code cores} with a 1 s connect timeout. */
    abstract CoreClient newClient(List<URI> cores, String apiKey, Duration requestTimeout);

    @BeforeEach
    void start() throws Exception {
        core = new CannedCore();
        client = newClient(List.of(core.uri()), "secret-key", Duration.ofSeconds(2));
    }

    private void serve(String method, String servedPath, Capture golden) {
        core.on(method, servedPath, golden.status(), golden.responseBody());
    }

    @Test
    void apiVersionSendsOnlyTheApiKeyAndReadsTheVersions() throws Exception {
        serve("GET", "/apiversion", GoldenCaptures.find("GET", "/apiversion", 0));
        List<String> versions = client.apiVersions("http://localhost:4566", "http://localhost:3000");
        assertThat(versions).contains("5.4", "2.7");
        CannedCore.Received r = core.last();
        assertThat(r.pathAndQuery())
                .isEqualTo(
                        "/apiversion?apiDomain=http%3A%2F%2Flocalhost%3A4566&websiteDomain=http%3A%2F%2Flocalhost%3A3000");
        assertThat(r.header("api-key")).isEqualTo("secret-key");
        assertThat(r.header("cdi-version")).isNull();
        assertThat(r.header("rid")).isNull();
    }

    @Test
    void createSessionSendsNodesRequestAndReadsTheGoldenAnswer() throws Exception {
        Capture golden = GoldenCaptures.find("POST", "/recipe/session", 0);
        serve("POST", "/public/recipe/session", golden);
        ObjectNode jwt = AccessTokens.MAPPER.createObjectNode().put("role", "tester");
        CreatedSession s = client.createSession(
                "public",
                "58c69f6b-a5b6-4ae0-9261-5d51dc446be1",
                jwt,
                AccessTokens.MAPPER.createObjectNode(),
                false,
                true);

        assertThat(s.session().handle()).isEqualTo("2381cf94-9603-46b0-bebc-70d8fcdc0bb9");
        assertThat(s.session().userId()).isEqualTo("58c69f6b-a5b6-4ae0-9261-5d51dc446be1");
        assertThat(s.session().recipeUserId()).isEqualTo("58c69f6b-a5b6-4ae0-9261-5d51dc446be1");
        assertThat(s.session().tenantId()).isEqualTo("public");
        assertThat(s.session().userDataInJWT().get("role").asText()).isEqualTo("tester");
        assertThat(s.accessToken().expiry()).isEqualTo(1795714294000L);
        assertThat(s.accessToken().createdTime()).isEqualTo(1795710694000L);
        assertThat(s.refreshToken().token()).endsWith(".V2").contains("/");
        assertThat(s.refreshToken().expiry()).isEqualTo(1804350694953L);
        assertThat(s.antiCsrfToken()).isNull();

        CannedCore.Received r = core.last();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.header("cdi-version")).isEqualTo("5.4");
        assertThat(r.header("api-key")).isEqualTo("secret-key");
        assertThat(r.header("rid")).isEqualTo("session");
        assertThat(r.header("content-type")).isEqualTo("application/json; charset=utf-8");
        JsonNode body = AccessTokens.MAPPER.readTree(r.body());
        assertThat(body.get("userId").asText()).isEqualTo("58c69f6b-a5b6-4ae0-9261-5d51dc446be1");
        assertThat(body.get("userDataInJWT")).isEqualTo(golden.request().get("userDataInJWT"));
        assertThat(body.get("userDataInDatabase").isObject()).isTrue();
        assertThat(body.get("enableAntiCsrf").asBoolean()).isFalse();
        assertThat(body.get("useDynamicSigningKey").asBoolean()).isTrue();
    }

    @Test
    void createSessionWithAntiCsrfReadsTheToken() throws Exception {
        serve("POST", "/public/recipe/session", GoldenCaptures.find("POST", "/recipe/session", 1));
        CreatedSession s = client.createSession(null, "u", null, null, true, true);
        assertThat(s.antiCsrfToken()).isEqualTo("82991470-b57b-4926-80aa-12c5610b7484");
    }

    @Test
    void verifySessionReadsEachOutcome() throws Exception {
        core.on("POST", "/recipe/session/verify", captured("/recipe/session/verify", 0, 1, 2, 3, 4));

        CoreResults.VerifySession first = client.verifySession("at", null, false, false, true);
        assertThat(first).isInstanceOfSatisfying(CoreResults.VerifyOk.class, ok -> {
            assertThat(ok.accessToken()).isNull();
            assertThat(ok.session().handle()).isEqualTo("2381cf94-9603-46b0-bebc-70d8fcdc0bb9");
        });
        JsonNode sent = AccessTokens.MAPPER.readTree(core.last().body());
        assertThat(sent.has("antiCsrfToken")).isFalse();
        assertThat(sent.get("doAntiCsrfCheck").asBoolean()).isFalse();
        assertThat(sent.get("checkDatabase").asBoolean()).isTrue();
        assertThat(core.last().header("rid")).isEqualTo("session");

        assertThat(client.verifySession("at", null, false, false, false))
                .isInstanceOfSatisfying(CoreResults.VerifyOk.class, ok -> {
                    assertThat(ok.accessToken()).isNotNull();
                    assertThat(ok.accessToken().expiry()).isEqualTo(1795714294000L);
                });
        assertThat(client.verifySession("at", "wrong", true, true, false))
                .isEqualTo(new CoreResults.VerifyTryRefresh("anti-csrf check failed"));
        assertThat(AccessTokens.MAPPER
                        .readTree(core.last().body())
                        .get("antiCsrfToken")
                        .asText())
                .isEqualTo("wrong");
        assertThat(client.verifySession("at", null, false, false, true))
                .isEqualTo(new CoreResults.VerifyUnauthorised("Either the session has ended or has been blacklisted"));
        // The core's 500 for a malformed token is a core failure, not a session outcome.
        assertThatThrownBy(() -> client.verifySession("not.a.jwt", null, false, false, false))
                .isInstanceOfSatisfying(CoreHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(500);
                    assertThat(e.path()).isEqualTo("/recipe/session/verify");
                });
    }

    @Test
    void refreshSessionReadsOkTheftAndUnauthorised() throws Exception {
        core.on("POST", "/recipe/session/refresh", captured("/recipe/session/refresh", 0, 2, 3, 4));
        assertThat(client.refreshSession("rt", null, false, true))
                .isInstanceOfSatisfying(
                        CoreResults.RefreshOk.class,
                        ok -> assertThat(ok.session().refreshToken().token()).contains("+"));
        JsonNode sent = AccessTokens.MAPPER.readTree(core.last().body());
        assertThat(sent.get("refreshToken").asText()).isEqualTo("rt");
        assertThat(sent.get("useDynamicSigningKey").asBoolean()).isTrue();
        assertThat(sent.get("enableAntiCsrf").asBoolean()).isFalse();

        assertThat(client.refreshSession("old", null, false, true))
                .isEqualTo(new CoreResults.RefreshTokenTheft(
                        "2381cf94-9603-46b0-bebc-70d8fcdc0bb9",
                        "58c69f6b-a5b6-4ae0-9261-5d51dc446be1",
                        "58c69f6b-a5b6-4ae0-9261-5d51dc446be1"));
        assertThat(client.refreshSession("garbage", null, false, true))
                .isInstanceOf(CoreResults.RefreshUnauthorised.class);
        assertThatThrownBy(() -> client.refreshSession("x", null, false, true))
                .isInstanceOfSatisfying(
                        CoreHttpException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void removeSessionsReturnsTheRevokedHandles() throws Exception {
        serve("POST", "/recipe/session/remove", GoldenCaptures.find("POST", "/recipe/session/remove", 0));
        assertThat(client.removeSessions(List.of("922ff0d2-2752-4793-80b5-484710084b9e")))
                .containsExactly("922ff0d2-2752-4793-80b5-484710084b9e");
        assertThat(AccessTokens.MAPPER
                        .readTree(core.last().body())
                        .get("sessionHandles")
                        .get(0)
                        .asText())
                .isEqualTo("922ff0d2-2752-4793-80b5-484710084b9e");
    }

    @Test
    void signUpAndSignInReadUsersAndOutcomes() throws Exception {
        core.on("POST", "/public/recipe/signup", captured("/recipe/signup", 0, 1));
        core.on("POST", "/public/recipe/signin", captured("/recipe/signin", 0, 1));

        CoreResults.SignUp up = client.signUp("public", "g4f8167@example.com", "password123");
        assertThat(up).isInstanceOfSatisfying(CoreResults.SignUpOk.class, ok -> {
            assertThat(ok.recipeUserId()).isEqualTo("58c69f6b-a5b6-4ae0-9261-5d51dc446be1");
            assertThat(ok.user().emails()).containsExactly("g4f8167@example.com");
            assertThat(ok.user().loginMethods()).singleElement().satisfies(m -> {
                assertThat(m.recipeId()).isEqualTo("emailpassword");
                assertThat(m.verified()).isFalse();
                assertThat(m.timeJoined()).isEqualTo(1795710694483L);
            });
            assertThat(ok.user().json().get("webauthn").get("credentialIds").isArray())
                    .isTrue();
        });
        assertThat(core.last().header("rid")).isEqualTo("emailpassword");
        assertThat(client.signUp("public", "g4f8167@example.com", "password123"))
                .isInstanceOf(CoreResults.EmailAlreadyExists.class);
        assertThat(client.signIn("public", "g4f8167@example.com", "wrong"))
                .isInstanceOf(CoreResults.WrongCredentials.class);
        assertThat(client.signIn("public", " G4F8167@EXAMPLE.COM", "password123"))
                .isInstanceOf(CoreResults.SignInOk.class);
    }

    @Test
    void usersAndEmailVerificationUseNodesPathsAndRids() throws Exception {
        String user = GoldenCaptures.find("POST", "/recipe/signup", 0)
                .responseJson()
                .get("user")
                .toString();
        core.on("GET", "/user/id", 200, "{\"status\":\"OK\",\"user\":" + user + "}");
        core.on("GET", "/public/users/by-accountinfo", 200, "{\"status\":\"OK\",\"users\":[" + user + "]}");
        core.on(
                "POST",
                "/public/recipe/user/email/verify/token",
                new CannedCore.Answer(200, "{\"status\":\"OK\",\"token\":\"tok\"}", 0),
                new CannedCore.Answer(200, "{\"status\":\"EMAIL_ALREADY_VERIFIED_ERROR\"}", 0));
        core.on(
                "POST",
                "/public/recipe/user/email/verify",
                new CannedCore.Answer(200, "{\"status\":\"OK\",\"userId\":\"u1\",\"email\":\"a@b.c\"}", 0),
                new CannedCore.Answer(200, "{\"status\":\"EMAIL_VERIFICATION_INVALID_TOKEN_ERROR\"}", 0));
        core.on("GET", "/recipe/user/email/verify", 200, "{\"status\":\"OK\",\"isVerified\":true}");

        assertThat(client.userById("u 1"))
                .hasValueSatisfying(u -> assertThat(u.id()).startsWith("58c69f6b"));
        assertThat(core.last().pathAndQuery()).isEqualTo("/user/id?userId=u%201");
        assertThat(core.last().header("rid")).isNull();
        assertThat(core.last().header("cdi-version")).isEqualTo("5.4");

        assertThat(client.usersByEmail("public", "a+b@example.com", true)).hasSize(1);
        assertThat(core.last().pathAndQuery())
                .isEqualTo("/public/users/by-accountinfo?email=a%2Bb%40example.com&doUnionOfAccountInfo=true");
        assertThat(core.last().header("rid")).isNull();

        assertThat(client.createEmailVerificationToken("public", "u1", "a@b.c"))
                .isEqualTo(new CoreResults.EmailVerificationTokenOk("tok"));
        assertThat(core.last().header("rid")).isEqualTo("emailverification");
        JsonNode sent = AccessTokens.MAPPER.readTree(core.last().body());
        assertThat(sent.get("userId").asText()).isEqualTo("u1");
        assertThat(sent.get("email").asText()).isEqualTo("a@b.c");
        assertThat(client.createEmailVerificationToken("public", "u1", "a@b.c"))
                .isInstanceOf(CoreResults.EmailAlreadyVerified.class);

        assertThat(client.verifyEmail("public", "tok")).isEqualTo(new CoreResults.VerifyEmailOk("u1", "a@b.c"));
        sent = AccessTokens.MAPPER.readTree(core.last().body());
        assertThat(sent.get("method").asText()).isEqualTo("token");
        assertThat(sent.get("token").asText()).isEqualTo("tok");
        assertThat(client.verifyEmail("public", "tok")).isInstanceOf(CoreResults.InvalidEmailVerificationToken.class);

        assertThat(client.isEmailVerified("u1", "a@b.c")).isTrue();
        assertThat(core.last().pathAndQuery()).isEqualTo("/recipe/user/email/verify?userId=u1&email=a%40b.c");
        assertThat(core.last().header("rid")).isEqualTo("emailverification");
    }

    @Test
    void unknownUserIsEmpty() throws Exception {
        core.on("GET", "/user/id", 200, "{\"status\":\"UNKNOWN_USER_ID_ERROR\"}");
        assertThat(client.userById("nobody")).isEmpty();
    }

    @Test
    void badApiKeyIsACoreHttpErrorNeverASessionOutcome() {
        core.on("POST", "/recipe/session/verify", 401, "Invalid API key");
        assertThatThrownBy(() -> client.verifySession("at", null, false, false, false))
                .isInstanceOfSatisfying(CoreHttpException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage()).doesNotContain("secret-key");
                });
    }

    @Test
    void garbageAnswersAreProtocolErrors() {
        core.on("POST", "/recipe/session/remove", 200, "not json");
        core.on("POST", "/recipe/session/verify", 200, "{\"status\":\"SOMETHING_NEW\"}");
        assertThatThrownBy(() -> client.removeSessions(List.of("h"))).isInstanceOf(CoreProtocolException.class);
        assertThatThrownBy(() -> client.verifySession("at", null, false, false, false))
                .isInstanceOf(CoreProtocolException.class)
                .hasMessageContaining("SOMETHING_NEW");
    }

    @Test
    void failsOverToTheNextCoreWhenOneIsUnreachable() throws Exception {
        URI dead = deadUri();
        serve("POST", "/recipe/session/remove", GoldenCaptures.find("POST", "/recipe/session/remove", 0));
        CoreClient twoCores = newClient(List.of(dead, core.uri()), null, Duration.ofSeconds(2));
        assertThat(twoCores.removeSessions(List.of("h"))).hasSize(1);
        assertThat(core.last().header("api-key")).isNull();
    }

    @Test
    void allCoresUnreachableOrSlowIsCoreUnreachable() throws Exception {
        core.on("POST", "/recipe/session/remove", new CannedCore.Answer(200, "{}", 1500));
        CoreClient slowThenDead = newClient(List.of(core.uri(), deadUri()), null, Duration.ofMillis(200));
        assertThatThrownBy(() -> slowThenDead.removeSessions(List.of("h")))
                .isInstanceOf(CoreUnreachableException.class)
                .hasMessageContaining("timed out")
                .hasMessageContaining("unreachable");
    }

    @Test
    void anAnswerOverOneMegabyteIsAProtocolErrorNotRead() {
        core.on("POST", "/recipe/session/remove", 200, "{\"status\":\"OK\",\"x\":\"" + "a".repeat(1024 * 1024) + "\"}");
        assertThatThrownBy(() -> client.removeSessions(List.of("h")))
                .isInstanceOf(CoreProtocolException.class)
                .hasMessage("/recipe/session/remove answered more than 1048576 bytes");
    }

    @Test
    void tooManyRequestsIsRetried() throws Exception {
        core.on(
                "POST",
                "/recipe/session/remove",
                new CannedCore.Answer(429, "slow down", 0),
                answer(GoldenCaptures.find("POST", "/recipe/session/remove", 0)));
        assertThat(client.removeSessions(List.of("h"))).hasSize(1);
        assertThat(core.received()).hasSize(2);
    }

    @Test
    void ridOnlyOnRecipePaths() {
        assertThat(CoreTransport.ridFor("/recipe/session/verify", "session")).isEqualTo("session");
        assertThat(CoreTransport.ridFor("/public/recipe/signin", "emailpassword"))
                .isEqualTo("emailpassword");
        assertThat(CoreTransport.ridFor("/user/id", "x")).isNull();
        assertThat(CoreTransport.ridFor("/public/users/by-accountinfo", "x")).isNull();
        assertThat(CoreTransport.ridFor("/apiversion", null)).isNull();
    }

    /** The captured core answers to POST {@code path}, in the given order. */
    private static CannedCore.Answer[] captured(String path, int... indexes) {
        return Arrays.stream(indexes)
                .mapToObj(i -> answer(GoldenCaptures.find("POST", path, i)))
                .toArray(CannedCore.Answer[]::new);
    }

    private static CannedCore.Answer answer(Capture c) {
        return new CannedCore.Answer(c.status(), c.responseBody(), 0);
    }

    private static URI deadUri() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }
}
