package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.testkit.CdiCalls;
import dev.tollgate.testkit.GoldenCaptures;
import dev.tollgate.testkit.Jwks;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The stand-in against the golden capture of core 11.4.7 at CDI 5.4
 * ({@code golden/core-cdi-5.4-responses.md} in the test kit): same paths, statuses, JSON field names and
 * order, token shapes and the text of the error bodies.
 */
class GoldenResponsesTest {

    @AutoClose
    private static final StandIn standIn = StandIn.start();

    private static final CdiCalls calls = standIn.calls();

    @Test
    void apiVersionListsTheCoresVersionsIncluding54() {
        HttpResponse<String> response = calls.get("/apiversion?apiDomain=http%3A%2F%2Flocalhost&websiteDomain=x");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=UTF-8");
        List<String> versions = new ArrayList<>();
        CdiCalls.read(response.body()).get("versions").forEach(v -> versions.add(v.asText()));
        assertThat(versions)
                .containsExactly(
                        "2.14", "2.13", "2.12", "2.11", "2.10", "2.21", "2.20", "2.19", "2.18", "2.17", "3.0", "2.16",
                        "3.1", "4.0", "2.15", "5.0", "5.1", "5.2", "5.3", "2.7", "5.4", "2.8", "2.9");
        assertThat(CdiCalls.read(response.body()).fieldNames()).toIterable().containsExactly("versions");
    }

    @Test
    void jwksPublishesRsaKeysWithTheCoresFieldsAndCacheControl() {
        HttpResponse<String> response = new CdiCalls(standIn.core().uri(), Map.of()).get("/.well-known/jwks.json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("cache-control"))
                .hasValueSatisfying(value -> assertThat(value).matches("max-age=\\d+, must-revalidate"));
        long maxAge = Long.parseLong(
                response.headers().firstValue("cache-control").orElseThrow().replaceAll("max-age=(\\d+),.*", "$1"));
        assertThat(maxAge).isBetween(1L, 168L * 3600);
        JsonNode keys = CdiCalls.read(response.body()).get("keys");
        assertThat(keys.get(0).get("kid").asText()).matches("d-\\d{13}");
        assertThat(keys.get(keys.size() - 1).get("kid").asText()).matches("s-[0-9a-f-]{36}");
        for (JsonNode key : keys) {
            assertThat(key.fieldNames()).toIterable().containsExactly("kty", "kid", "n", "e", "alg", "use");
            assertThat(key.get("kty").asText()).isEqualTo("RSA");
            assertThat(key.get("alg").asText()).isEqualTo("RS256");
            assertThat(key.get("use").asText()).isEqualTo("sig");
            assertThat(key.get("e").asText()).isEqualTo("AQAB");
            assertThat(key.get("n").asText()).matches("[A-Za-z0-9_-]{342}"); // 2048-bit modulus, unpadded
        }
    }

    @Test
    void deprecatedJwksPathAddsStatusOk() {
        JsonNode reply = calls.getJson("/recipe/jwt/jwks");

        assertThat(reply.get("status").asText()).isEqualTo("OK");
        assertThat(reply.get("keys").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void helloAnswersWithoutApiKey() {
        HttpResponse<String> response = calls.get("/hello");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("Hello\n");
    }

    @Test
    void signUpThenDuplicateThenSignInAsCaptured() {
        JsonNode signUp = calls.signUp("g4f8167@example.com", "password123");

        // every field at every level, in the captured order (the user's, its login method's)
        assertThat(GoldenCaptures.fieldPaths(signUp))
                .containsExactlyElementsOf(GoldenCaptures.fieldPaths(
                        GoldenCaptures.find("POST", "/recipe/signup", 0).responseJson()));
        JsonNode user = signUp.get("user");
        String id = user.get("id").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(signUp.get("recipeUserId").asText()).isEqualTo(id);
        assertThat(user.get("isPrimaryUser").asBoolean()).isFalse();
        assertThat(user.get("tenantIds").toString()).isEqualTo("[\"public\"]");
        assertThat(user.get("emails").toString()).isEqualTo("[\"g4f8167@example.com\"]");
        assertThat(user.get("phoneNumbers").toString()).isEqualTo("[]");
        assertThat(user.get("thirdParty").toString()).isEqualTo("[]");
        assertThat(user.get("webauthn").toString()).isEqualTo("{\"credentialIds\":[]}");
        JsonNode method = user.get("loginMethods").get(0);
        assertThat(method.get("recipeId").asText()).isEqualTo("emailpassword");
        assertThat(method.get("verified").asBoolean()).isFalse();
        assertThat(method.get("timeJoined").asLong())
                .isEqualTo(user.get("timeJoined").asLong());

        assertThat(calls.signUp("g4f8167@example.com", "password123").toString())
                .isEqualTo("{\"status\":\"EMAIL_ALREADY_EXISTS_ERROR\"}");
        assertThat(calls.postJson("/public/recipe/signin", Map.of("email", "g4f8167@example.com", "password", "wrong"))
                        .toString())
                .isEqualTo("{\"status\":\"WRONG_CREDENTIALS_ERROR\"}");
        JsonNode signIn = calls.postJson(
                "/public/recipe/signin", Map.of("email", " G4F8167@EXAMPLE.COM", "password", "password123"));
        assertThat(signIn).isEqualTo(signUp);
    }

    @Test
    void sessionLifecycleAsCaptured() {
        String userId = calls.signUp("lifecycle@example.com", "password123")
                .get("user")
                .get("id")
                .asText();
        ObjectNode claims = CdiCalls.MAPPER.createObjectNode().put("role", "tester");

        JsonNode created = calls.createSession(userId, claims, false);

        assertThat(created.fieldNames())
                .toIterable()
                .containsExactly("session", "accessToken", "refreshToken", "status");
        assertThat(created.get("status").asText()).isEqualTo("OK");
        JsonNode session = created.get("session");
        assertThat(session.fieldNames())
                .toIterable()
                .containsExactly("handle", "userId", "recipeUserId", "userDataInJWT", "tenantId");
        assertThat(session.get("userId").asText()).isEqualTo(userId);
        assertThat(session.get("recipeUserId").asText()).isEqualTo(userId);
        assertThat(session.get("userDataInJWT")).isEqualTo(claims);
        assertThat(session.get("tenantId").asText()).isEqualTo("public");
        String handle = session.get("handle").asText();

        JsonNode accessToken = created.get("accessToken");
        assertThat(accessToken.fieldNames()).toIterable().containsExactly("token", "expiry", "createdTime");
        assertThat(accessToken.get("createdTime").asLong() % 1000).isZero();
        assertThat(accessToken.get("expiry").asLong()
                        - accessToken.get("createdTime").asLong())
                .isEqualTo(3_600_000L);
        String at0 = accessToken.get("token").asText();
        assertThat(CdiCalls.segment(at0, 0))
                .matches("\\{\"kid\":\"d-\\d{13}\",\"typ\":\"JWT\",\"version\":\"5\",\"alg\":\"RS256\"}");
        String payload = CdiCalls.segment(at0, 1);
        assertThat(payload)
                .matches("\\{\"iat\":\\d{10},\"exp\":\\d{10},\"sub\":\"" + userId + "\",\"tId\":\"public\","
                        + "\"rsub\":\"" + userId + "\",\"sessionHandle\":\"" + handle
                        + "\",\"refreshTokenHash1\":\"[0-9a-f]{64}\","
                        + "\"parentRefreshTokenHash1\":null,\"antiCsrfToken\":null,\"role\":\"tester\"}");
        assertThat(Jwks.verifies(calls.getJson("/.well-known/jwks.json"), at0)).isTrue();

        JsonNode refreshToken = created.get("refreshToken");
        String rt0 = refreshToken.get("token").asText();
        assertThat(rt0).matches("[A-Za-z0-9+/]+=*\\.[0-9a-f]{64}\\.V2");
        assertThat(refreshToken.get("expiry").asLong()
                        - refreshToken.get("createdTime").asLong())
                .isEqualTo(144_000L * 60_000);
        assertThat(CdiCalls.read(payload).get("refreshTokenHash1").asText()).isEqualTo(sha256(rt0));

        JsonNode verified = calls.verify(at0, true);
        assertThat(verified.fieldNames()).toIterable().containsExactly("session", "status");
        assertThat(verified.get("session")).isEqualTo(session);

        JsonNode refreshed = calls.refresh(rt0);
        assertThat(refreshed.fieldNames())
                .toIterable()
                .containsExactly("session", "accessToken", "refreshToken", "status");
        String at1 = refreshed.get("accessToken").get("token").asText();
        String rt1 = refreshed.get("refreshToken").get("token").asText();
        JsonNode at1Payload = CdiCalls.read(CdiCalls.segment(at1, 1));
        assertThat(at1Payload.get("parentRefreshTokenHash1").asText()).isEqualTo(sha256(rt0));
        assertThat(at1Payload.get("refreshTokenHash1").asText()).isEqualTo(sha256(rt1));

        JsonNode promoted = calls.verify(at1, false);
        assertThat(promoted.fieldNames()).toIterable().containsExactly("session", "accessToken", "status");
        JsonNode at1PrimePayload = CdiCalls.read(
                CdiCalls.segment(promoted.get("accessToken").get("token").asText(), 1));
        assertThat(at1PrimePayload.get("parentRefreshTokenHash1").isNull()).isTrue();
        assertThat(at1PrimePayload.get("refreshTokenHash1").asText()).isEqualTo(sha256(rt1));

        JsonNode second = calls.refresh(rt1);
        assertThat(second.get("status").asText()).isEqualTo("OK");

        JsonNode theft = calls.refresh(rt0);
        assertThat(theft.toString())
                .isEqualTo("{\"status\":\"TOKEN_THEFT_DETECTED\",\"session\":{\"handle\":\"" + handle
                        + "\",\"userId\":\"" + userId + "\",\"recipeUserId\":\"" + userId + "\"}}");
    }

    @Test
    void garbageRefreshTokenIsUnauthorisedWithTheCoresMessage() {
        JsonNode reply = calls.refresh("garbage");

        assertThat(reply.toString())
                .isEqualTo(
                        "{\"status\":\"UNAUTHORISED\",\"message\":\"io.supertokens.session."
                                + "refreshToken.RefreshToken$InvalidRefreshTokenFormatException: version of refresh token not recognised\"}");
    }

    @Test
    void refreshWithoutUseDynamicSigningKeyIs400NamingTheField() {
        HttpResponse<String> response =
                calls.post("/recipe/session/refresh", "{\"refreshToken\":\"x\",\"enableAntiCsrf\":false}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Field name 'useDynamicSigningKey' is invalid in JSON input\n");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=UTF-8");
    }

    @Test
    void antiCsrfSessionsCarryTheTokenAndAWrongOneMeansTryRefresh() {
        JsonNode created = calls.createSession("csrf-user", CdiCalls.MAPPER.createObjectNode(), true);

        assertThat(created.fieldNames())
                .toIterable()
                .containsExactly("session", "accessToken", "refreshToken", "antiCsrfToken", "status");
        String antiCsrf = created.get("antiCsrfToken").asText();
        assertThat(antiCsrf).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        String at = created.get("accessToken").get("token").asText();
        assertThat(CdiCalls.read(CdiCalls.segment(at, 1)).get("antiCsrfToken").asText())
                .isEqualTo(antiCsrf);

        JsonNode wrong = calls.verifyWithAntiCsrf(at, "wrong");
        assertThat(wrong.toString())
                .isEqualTo("{\"status\":\"TRY_REFRESH_TOKEN\",\"message\":\"anti-csrf check failed\"}");

        JsonNode right = calls.verifyWithAntiCsrf(at, antiCsrf);
        assertThat(right.get("status").asText()).isEqualTo("OK");
    }

    @Test
    void removedSessionFailsTheDatabaseCheck() {
        JsonNode created = calls.createSession("remove-user", CdiCalls.MAPPER.createObjectNode(), false);
        String handle = created.get("session").get("handle").asText();

        JsonNode removed = calls.postJson("/recipe/session/remove", Map.of("sessionHandles", List.of(handle)));
        assertThat(removed.toString()).isEqualTo("{\"status\":\"OK\",\"sessionHandlesRevoked\":[\"" + handle + "\"]}");

        JsonNode verified = calls.verify(created.get("accessToken").get("token").asText(), true);
        assertThat(verified.toString())
                .isEqualTo("{\"status\":\"UNAUTHORISED\","
                        + "\"message\":\"Either the session has ended or has been blacklisted\"}");
    }

    @Test
    void createWithoutUserIdIs400() {
        HttpResponse<String> response = calls.post("/recipe/session", "{\"userDataInJWT\":{}}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("Field name 'userId' is invalid in JSON input\n");
    }

    @Test
    void aTokenWhoseHeaderIsNotJsonFailsAsTheCoreDoes() {
        HttpResponse<String> response = calls.post(
                "/recipe/session/verify",
                "{\"accessToken\":\"not.a.jwt\","
                        + "\"doAntiCsrfCheck\":false,\"enableAntiCsrf\":false,\"checkDatabase\":false}");

        assertThat(response.statusCode()).isEqualTo(500);
        // "not" decodes to two bytes that are not UTF-8: the core prints them as replacement characters
        assertThat(response.body()).isEqualTo("java.lang.IllegalStateException: Not a JSON Object: \"\uFFFD\uFFFD\"\n");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
