package dev.tollgate.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.authorizer.decision.AuthorizerError;
import dev.tollgate.config.ConfigException;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.FakeCore;
import dev.tollgate.testkit.Fixtures;
import dev.tollgate.testkit.LambdaAnswer;
import dev.tollgate.testkit.SigningKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every decision of the recipe (docs/supertokens.md#authorizer-recipe), in process, against a loopback core with keys and
 * tokens minted here. Bodies are compared as the exact JSON text API Gateway receives.
 */
class AuthorizerHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/dev/POST/graphql";
    private static final String VERIFIED_ARN =
            "arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/dev/POST/verified/graphql";
    private static final String UNAUTHORIZED_ERROR =
            "{\"errorMessage\":\"Unauthorized\",\"errorType\":\"dev.tollgate.authorizer.decision.UnauthorizedError\","
                    + "\"stackTrace\":[]}";

    private static SigningKey key;
    private static FakeCore core;

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void startCore() throws Exception {
        key = SigningKey.generate("d-" + System.currentTimeMillis());
        core = FakeCore.start(key);
    }

    @AfterAll
    static void stopCore() {
        core.close();
    }

    @BeforeEach
    void resetCore() {
        core.verifyMode(FakeCore.VerifyMode.PROMOTE);
        core.jwksFails(false);
    }

    private Map<String, String> env(String... extra) {
        Map<String, String> env = TestEnvironment.withCore(core.uri());
        for (int i = 0; i < extra.length; i += 2) {
            env.put(extra[i], extra[i + 1]);
        }
        return env;
    }

    private AuthorizerHandler handler(String... extra) {
        return new AuthorizerHandler(env(extra), new PrintStream(logBytes, true, StandardCharsets.UTF_8));
    }

    private static String allow(String principal, String arn, String context) {
        return "{\"principalId\":\"" + principal + "\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":"
                + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"" + arn + "\"}]},"
                + "\"context\":" + context + "}";
    }

    private static String withToken(String fixture, String token) {
        return Fixtures.event(fixture, Map.of("ACCESS_TOKEN", token));
    }

    private String log() {
        return logBytes.toString(StandardCharsets.UTF_8);
    }

    /** The last decision's line: the native RSA provider's line may come in between, from its thread. */
    private JsonNode lastLogLine() throws Exception {
        String[] lines = log().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].contains("RS256 signatures checked by")) {
                return JSON.readTree(lines[i]);
            }
        }
        throw new AssertionError("no log line");
    }

    @Test
    void validCookieSessionIsAllowedForItsUserWithNoCookieToSet() throws Exception {
        String token = AccessTokens.v5(key, "user-1");
        LambdaAnswer answer = LambdaAnswer.invoke(handler(), withToken("allow-cookie-session.json", token));

        assertThat(answer).isEqualTo(new LambdaAnswer(false, allow("user-1", ARN, "{\"setCookie\":\"\"}")));
        JsonNode line = lastLogLine();
        assertThat(line.get("outcome").asText()).isEqualTo("ALLOW");
        assertThat(line.get("reason").asText()).isEqualTo("SESSION_VALID");
        assertThat(line.get("userId").asText()).isEqualTo("user-1");
        assertThat(line.get("requestId").asText()).isEqualTo("8f2d6f0e-3c4b-4a51-9d7e-2b1f6a0c9e11");
        assertThat(line.get("latencyMs").asDouble()).isPositive();
        assertThat(log()).doesNotContain(token).doesNotContain("sAccessToken").doesNotContain(token.split("\\.")[2]);
    }

    @Test
    void validHeaderSessionIsAllowed() {
        LambdaAnswer answer =
                LambdaAnswer.invoke(handler(), withToken("allow-header-session.json", AccessTokens.v5(key, "user-2")));

        assertThat(answer).isEqualTo(new LambdaAnswer(false, allow("user-2", ARN, "{\"setCookie\":\"\"}")));
    }

    @Test
    void noSessionIsAnAnonymousAllowUnlessSessionsAreRequired() throws Exception {
        String event = Fixtures.event("allow-no-session.json");

        assertThat(LambdaAnswer.invoke(handler(), event))
                .isEqualTo(new LambdaAnswer(false, allow("", ARN, "{\"setCookie\":\"\"}")));
        assertThat(lastLogLine().get("reason").asText()).isEqualTo("NO_SESSION");

        assertThat(LambdaAnswer.invoke(handler("SESSION_REQUIRED", "true"), event))
                .isEqualTo(new LambdaAnswer(true, UNAUTHORIZED_ERROR));
        assertThat(lastLogLine().get("reason").asText()).isEqualTo("SESSION_REQUIRED");
    }

    @Test
    void aTokenFromARefreshIsPromotedByTheCoreAndTheReplacementForwardedAsOneCookie() throws Exception {
        String parent = AccessTokens.sha256Hex("previous refresh token");
        String token = AccessTokens.v5(key, "user-3", p -> p.put("parentRefreshTokenHash1", parent));
        int verifyCallsBefore = core.verifyRequests().size();

        LambdaAnswer answer = LambdaAnswer.invoke(handler(), withToken("allow-new-token.json", token));

        assertThat(answer.error()).isFalse();
        JsonNode result = JSON.readTree(answer.body());
        assertThat(result.get("principalId").asText()).isEqualTo("user-3");
        assertThat(result.get("policyDocument").toString())
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":"
                        + "[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"" + ARN + "\"}]}");
        String setCookie = result.get("context").get("setCookie").asText();
        assertThat(setCookie)
                .matches(
                        "sAccessToken=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+; Path=/; "
                                + "Expires=[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT; HttpOnly; SameSite=Lax");
        String replacement = setCookie.substring("sAccessToken=".length(), setCookie.indexOf(';'));
        assertThat(replacement).isNotEqualTo(token);
        assertThat(AccessTokens.payloadOf(replacement)
                        .get("parentRefreshTokenHash1")
                        .isNull())
                .isTrue();
        assertThat(AccessTokens.payloadOf(replacement).get("sessionHandle"))
                .isEqualTo(AccessTokens.payloadOf(token).get("sessionHandle"));

        JsonNode frontToken = JSON.readTree(Base64.getDecoder()
                .decode(result.get("context").get("frontToken").asText()));
        assertThat(frontToken.get("uid").asText()).isEqualTo("user-3");
        assertThat(frontToken.get("ate").asLong())
                .isEqualTo(AccessTokens.payloadOf(replacement).get("exp").asLong() * 1000);
        assertThat(frontToken.get("up")).isEqualTo(AccessTokens.payloadOf(replacement));
        assertThat(result.get("context").size()).isEqualTo(2);

        assertThat(core.verifyRequests()).hasSize(verifyCallsBefore + 1);
        JsonNode verify = core.verifyRequests().get(verifyCallsBefore);
        assertThat(verify.get("accessToken").asText()).isEqualTo(token);
        assertThat(verify.get("checkDatabase").asBoolean()).isFalse();
        assertThat(lastLogLine().get("reason").asText()).isEqualTo("SESSION_VALID_NEW_TOKEN");
        assertThat(log()).doesNotContain(replacement.split("\\.")[2]);
    }

    @Test
    void aRouteThatRequiresAVerifiedEmailDeniesAnUnverifiedSessionWithTheInvalidClaimBody() throws Exception {
        String token = AccessTokens.v5(key, "user-4", p -> p.set("st-ev", AccessTokens.claim(false)));

        LambdaAnswer answer = LambdaAnswer.invoke(handler(), withToken("deny-invalid-claims.json", token));

        String body = "{\"message\":\"invalid claim\",\"claimValidationErrors\":[{\"id\":\"st-ev\",\"reason\":"
                + "{\"message\":\"wrong value\",\"expectedValue\":true,\"actualValue\":false}}]}";
        assertThat(answer)
                .isEqualTo(new LambdaAnswer(
                        false,
                        "{\"principalId\":\"\",\"policyDocument\":{\"Version\":"
                                + "\"2012-10-17\",\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\",\"Resource\":\""
                                + VERIFIED_ARN + "\"}]},\"context\":{\"body\":" + JSON.writeValueAsString(body)
                                + ",\"setCookie\":\"\"}}"));
        assertThat(lastLogLine().get("outcome").asText()).isEqualTo("DENY");

        // The same unverified session is allowed where no claim is required...
        assertThat(LambdaAnswer.invoke(handler(), withToken("allow-cookie-session.json", token)))
                .isEqualTo(new LambdaAnswer(false, allow("user-4", ARN, "{\"setCookie\":\"\"}")));
        // ...and a verified one passes the verified route.
        String verified = AccessTokens.v5(key, "user-5", p -> p.set("st-ev", AccessTokens.claim(true)));
        assertThat(LambdaAnswer.invoke(handler(), withToken("deny-invalid-claims.json", verified)))
                .isEqualTo(new LambdaAnswer(false, allow("user-5", VERIFIED_ARN, "{\"setCookie\":\"\"}")));
    }

    @Test
    void aSessionWithoutTheClaimAtAllIsDeniedToo() throws Exception {
        LambdaAnswer answer =
                LambdaAnswer.invoke(handler(), withToken("deny-invalid-claims.json", AccessTokens.v5(key, "user-6")));

        JsonNode body = JSON.readTree(
                JSON.readTree(answer.body()).get("context").get("body").asText());
        assertThat(body.toString())
                .isEqualTo("{\"message\":\"invalid claim\",\"claimValidationErrors\":[{\"id\":"
                        + "\"st-ev\",\"reason\":{\"message\":\"value does not exist\",\"expectedValue\":true}}]}");
    }

    @Test
    void expiredTamperedOrForeignTokensAskTheFrontendToRefresh() throws Exception {
        long past = Instant.now().getEpochSecond() - 10;
        String expired = AccessTokens.v5(key, "user-7", p -> p.put("exp", past));
        String[] parts = AccessTokens.v5(key, "user-7").split("\\.");
        // A well-formed payload naming someone else, under the original signature.
        byte[] otherUser = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("user-7", "admin")
                .getBytes(StandardCharsets.UTF_8);
        String tampered =
                parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(otherUser) + "." + parts[2];
        String otherKey = AccessTokens.v5(SigningKey.generate(key.kid()), "user-7");

        // Each for its own reason: an expiry check that also failed on the signature would hide a bug.
        Map<String, String> detailByToken = new LinkedHashMap<>();
        detailByToken.put(expired, "expired");
        detailByToken.put(tampered, "bad_signature");
        detailByToken.put(otherKey, "bad_signature");
        for (Map.Entry<String, String> e : detailByToken.entrySet()) {
            assertThat(LambdaAnswer.invoke(handler(), withToken("unauthorized-try-refresh.json", e.getKey())))
                    .isEqualTo(new LambdaAnswer(true, UNAUTHORIZED_ERROR));
            assertThat(lastLogLine().get("reason").asText()).isEqualTo("TRY_REFRESH");
            assertThat(lastLogLine().get("detail").asText()).as(e.getValue()).isEqualTo(e.getValue());
        }
    }

    @Test
    void duplicateAccessTokenCookiesAndAMissingRidAreTryRefresh() throws Exception {
        String token = AccessTokens.v5(key, "user-8");
        assertThat(LambdaAnswer.invoke(
                        handler(),
                        Fixtures.event(
                                "unauthorized-duplicate-cookies.json",
                                Map.of("ACCESS_TOKEN", token, "OTHER_TOKEN", AccessTokens.v5(key, "user-9")))))
                .isEqualTo(new LambdaAnswer(true, UNAUTHORIZED_ERROR));
        assertThat(lastLogLine().get("detail").asText()).isEqualTo("duplicate_access_token_cookie");

        assertThat(LambdaAnswer.invoke(handler(), withToken("unauthorized-missing-rid.json", token)))
                .isEqualTo(new LambdaAnswer(true, UNAUTHORIZED_ERROR));
        assertThat(lastLogLine().get("detail").asText()).isEqualTo("anti_csrf_rid_missing");
    }

    @Test
    void aSessionTheCoreNoLongerKnowsIsUnauthorised() throws Exception {
        core.verifyMode(FakeCore.VerifyMode.UNAUTHORISED);
        String token = AccessTokens.v5(key, "user-10", p -> p.put("parentRefreshTokenHash1", "ab"));

        assertThat(LambdaAnswer.invoke(handler(), withToken("allow-new-token.json", token)))
                .isEqualTo(new LambdaAnswer(true, UNAUTHORIZED_ERROR));
        assertThat(lastLogLine().get("reason").asText()).isEqualTo("UNAUTHORISED");
    }

    @Test
    void aCoreAskingForARefreshIsTryRefresh() throws Exception {
        core.verifyMode(FakeCore.VerifyMode.TRY_REFRESH);
        String token = AccessTokens.v5(key, "user-15", p -> p.put("parentRefreshTokenHash1", "ab"));

        assertThat(LambdaAnswer.invoke(handler(), withToken("allow-new-token.json", token)))
                .isEqualTo(new LambdaAnswer(true, UNAUTHORIZED_ERROR));
        assertThat(lastLogLine().get("reason").asText()).isEqualTo("TRY_REFRESH");
        assertThat(lastLogLine().get("detail").asText()).isEqualTo("core_try_refresh");
    }

    @Test
    void aCoreThatStoppedAnsweringIsAServerError() throws Exception {
        AuthorizerHandler handler;
        try (FakeCore gone = FakeCore.start(key)) {
            handler = new AuthorizerHandler(
                    env("SUPERTOKENS_CONNECTION_URI", gone.uri()),
                    new PrintStream(logBytes, true, StandardCharsets.UTF_8));
        }
        // Keys were cached at init, so plain sessions still verify...
        assertThat(LambdaAnswer.invoke(
                        handler, withToken("allow-cookie-session.json", AccessTokens.v5(key, "user-16"))))
                .isEqualTo(new LambdaAnswer(false, allow("user-16", ARN, "{\"setCookie\":\"\"}")));
        // ...but one that needs the core cannot.
        LambdaAnswer answer = LambdaAnswer.invoke(
                handler,
                withToken(
                        "allow-new-token.json",
                        AccessTokens.v5(key, "user-16", p -> p.put("parentRefreshTokenHash1", "ab"))));
        assertThat(JSON.readTree(answer.body()).get("errorMessage").asText())
                .startsWith("Authorizer failure: CORE_UNAVAILABLE");
        assertThat(lastLogLine().get("detail").asText()).isEqualTo("core_verify_failed");
    }

    @Test
    void anUnreachableCoreIsAServerErrorNeverA401() throws Exception {
        core.verifyMode(FakeCore.VerifyMode.FAIL_500);
        String token = AccessTokens.v5(key, "user-11", p -> p.put("parentRefreshTokenHash1", "ab"));

        LambdaAnswer answer = LambdaAnswer.invoke(handler(), withToken("error-core-unavailable.json", token));

        assertThat(answer)
                .isEqualTo(new LambdaAnswer(
                        true,
                        "{\"errorMessage\":\"Authorizer failure: CORE_UNAVAILABLE"
                                + " (request 8f2d6f0e-3c4b-4a51-9d7e-2b1f6a0c9e11)\",\"errorType\":"
                                + "\"dev.tollgate.authorizer.decision.AuthorizerError\",\"stackTrace\":[]}"));
        JsonNode line = lastLogLine();
        assertThat(line.get("level").asText()).isEqualTo("ERROR");
        assertThat(line.get("outcome").asText()).isEqualTo("ERROR");
        assertThat(line.get("reason").asText()).isEqualTo("CORE_UNAVAILABLE");
    }

    @Test
    void aJwksOutageAtInitIsNotFatalButTokensThenGetAServerError() throws Exception {
        core.jwksFails(true);
        AuthorizerHandler handler = handler();
        assertThat(log()).contains("\"event\":\"init\"").contains("JWKS could not be loaded");

        LambdaAnswer answer =
                LambdaAnswer.invoke(handler, withToken("allow-cookie-session.json", AccessTokens.v5(key, "user-12")));
        assertThat(answer.error()).isTrue();
        assertThat(JSON.readTree(answer.body()).get("errorMessage").asText())
                .startsWith("Authorizer failure: CORE_UNAVAILABLE");
        // Anonymous calls need no key and still work.
        assertThat(LambdaAnswer.invoke(handler, Fixtures.event("allow-no-session.json"))
                        .error())
                .isFalse();
    }

    @Test
    void malformedEventsAreServerErrorsThatQuoteNothing() throws Exception {
        for (String fixture : new String[] {
            "malformed-missing-method-arn.json",
            "malformed-headers-null.json",
            "malformed-not-json.txt",
            "malformed-token-type.json"
        }) {
            LambdaAnswer answer = LambdaAnswer.invoke(handler(), Fixtures.event(fixture));
            assertThat(answer)
                    .as(fixture)
                    .isEqualTo(new LambdaAnswer(
                            true,
                            "{\"errorMessage\":\"Authorizer failure: MALFORMED_EVENT\",\"errorType\":"
                                    + "\"dev.tollgate.authorizer.decision.AuthorizerError\",\"stackTrace\":[]}"));
            assertThat(lastLogLine().get("reason").asText()).isEqualTo("MALFORMED_EVENT");
            assertThat(lastLogLine().has("detail")).isTrue();
        }
        assertThat(lastLogLine().get("detail").asText()).contains("not REQUEST");
    }

    @Test
    void aBugIsAServerErrorWhoseLogNamesTheExceptionTypeButNeverItsMessage() throws Exception {
        String token = AccessTokens.v5(key, "user-17");
        // A bug whose message quotes the request, as an exception built from input would.
        AuthorizerHandler handler =
                new AuthorizerHandler(env(), new PrintStream(logBytes, true, StandardCharsets.UTF_8), real -> event -> {
                    throw new IllegalStateException("cannot handle sAccessToken=" + token);
                });

        LambdaAnswer answer = LambdaAnswer.invoke(handler, withToken("allow-cookie-session.json", token));

        // Any message but "Unauthorized" makes API Gateway answer 500, not 401 (which would ask for a refresh).
        assertThat(answer)
                .isEqualTo(new LambdaAnswer(
                        true,
                        "{\"errorMessage\":\"Authorizer failure: INTERNAL_ERROR"
                                + " (request 8f2d6f0e-3c4b-4a51-9d7e-2b1f6a0c9e11)\",\"errorType\":"
                                + "\"dev.tollgate.authorizer.decision.AuthorizerError\",\"stackTrace\":[]}"));
        assertThat(JSON.readTree(answer.body()).get("errorMessage").asText()).isNotEqualTo("Unauthorized");
        assertThat(answer.body()).doesNotContain(token).doesNotContain("cannot handle");
        JsonNode line = lastLogLine();
        assertThat(line.get("level").asText()).isEqualTo("ERROR");
        assertThat(line.get("outcome").asText()).isEqualTo("ERROR");
        assertThat(line.get("reason").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(line.get("requestId").asText()).isEqualTo("8f2d6f0e-3c4b-4a51-9d7e-2b1f6a0c9e11");
        assertThat(line.get("detail").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(log()).doesNotContain("cannot handle").doesNotContain(token).doesNotContain(token.split("\\.")[2]);
    }

    @Test
    void anEventThatCannotBeReadIsAServerErrorWithADecisionLine() throws Exception {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("stream broke after sAccessToken=secret-value");
            }
        };
        Throwable thrown = null;
        try {
            handler().handleRequest(broken, new ByteArrayOutputStream(), null);
        } catch (Throwable t) {
            thrown = t;
        }

        assertThat(thrown).isInstanceOf(AuthorizerError.class).hasMessage("Authorizer failure: INTERNAL_ERROR");
        JsonNode line = lastLogLine();
        assertThat(line.get("event").asText()).isEqualTo("decision");
        assertThat(line.get("reason").asText()).isEqualTo("INTERNAL_ERROR");
        assertThat(line.get("detail").asText()).isEqualTo("java.io.IOException");
        assertThat(log()).doesNotContain("secret-value");
    }

    @Test
    void apiPolicyScopeNamesTheWholeStage() {
        LambdaAnswer answer = LambdaAnswer.invoke(
                handler("POLICY_SCOPE", "api"),
                withToken("allow-cookie-session.json", AccessTokens.v5(key, "user-13")));

        assertThat(answer.body())
                .isEqualTo(allow(
                        "user-13",
                        "arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/dev/*/*",
                        "{\"setCookie\":\"\"}"));
    }

    @Test
    void apiPolicyScopeWithRouteClaimsIsWarnedAboutOnceAtInit() {
        handler("POLICY_SCOPE", "api");

        assertThat(log().lines()
                        .filter(l -> l.contains("\"WARN\"") && l.contains("POLICY_SCOPE=api with REQUIRED_CLAIMS")))
                .hasSize(1);
    }

    @Test
    void noWarningWithoutRouteClaimsOrWithMethodScope() {
        handler("POLICY_SCOPE", "api", "REQUIRED_CLAIMS", "");
        handler("POLICY_SCOPE", "method");

        assertThat(log()).doesNotContain("REQUIRED_CLAIMS");
    }

    @Test
    void aBadVariableFailsInitNamingTheVariable() {
        assertThatThrownBy(() -> handler("POLICY_SCOPE", "everything"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("POLICY_SCOPE: ");
        assertThatThrownBy(() -> handler("ANTI_CSRF", "sometimes"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("ANTI_CSRF: ");
        Map<String, String> noCore = env();
        noCore.remove("SUPERTOKENS_CONNECTION_URI");
        assertThatThrownBy(() -> new AuthorizerHandler(noCore, new PrintStream(logBytes)))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("SUPERTOKENS_CONNECTION_URI: ");
    }

    @Test
    void initFetchesTheKeysOnceAndDecisionsDoNoFurtherIo() {
        int fetches = core.jwksFetches();
        AuthorizerHandler handler = handler();
        assertThat(core.jwksFetches()).isEqualTo(fetches + 1);
        int verifies = core.verifyRequests().size();

        for (int i = 0; i < 50; i++) {
            assertThat(LambdaAnswer.invoke(
                                    handler, withToken("allow-cookie-session.json", AccessTokens.v5(key, "user-" + i)))
                            .error())
                    .isFalse();
        }
        assertThat(core.jwksFetches()).isEqualTo(fetches + 1);
        assertThat(core.verifyRequests()).hasSize(verifies);
    }

    @Test
    void snapStartHooksPrimeWithoutIoAndRefreshKeysOnRestore() throws Exception {
        AuthorizerHandler handler = handler();
        int fetches = core.jwksFetches();
        int verifies = core.verifyRequests().size();

        handler.beforeCheckpoint(null);
        assertThat(core.jwksFetches()).isEqualTo(fetches);
        assertThat(core.verifyRequests()).hasSize(verifies);
        assertThat(log()).contains("\"event\":\"checkpoint\"").doesNotContain("\"event\":\"decision\"");

        handler.afterRestore(null);
        assertThat(core.jwksFetches()).isEqualTo(fetches + 1);
        assertThat(lastLogLine().get("event").asText()).isEqualTo("restore");
        assertThat(LambdaAnswer.invoke(handler, withToken("allow-cookie-session.json", AccessTokens.v5(key, "user-14")))
                        .body())
                .contains("\"principalId\":\"user-14\"");
    }

    @Test
    void oneInstanceChecksACachedTokenAgainstEachRoutesClaimsAndNeverServesATamperedOne() throws Exception {
        AuthorizerHandler handler = handler();
        String token = AccessTokens.v5(key, "user-cache", p -> p.set("st-ev", AccessTokens.claim(false)));

        // Verified (and cached) on a route without claims...
        assertThat(LambdaAnswer.invoke(handler, withToken("allow-cookie-session.json", token)))
                .isEqualTo(new LambdaAnswer(false, allow("user-cache", ARN, "{\"setCookie\":\"\"}")));
        // ...the same token is still checked against the verified route's claim by the same instance.
        LambdaAnswer denied = LambdaAnswer.invoke(handler, withToken("deny-invalid-claims.json", token));
        assertThat(JSON.readTree(denied.body())
                        .path("policyDocument")
                        .path("Statement")
                        .get(0)
                        .path("Effect")
                        .asText())
                .isEqualTo("Deny");
        // A token that shares all but one character of the cached one is verified, and fails.
        int at = token.length() - 10;
        String tampered = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        assertThat(LambdaAnswer.invoke(handler, withToken("unauthorized-try-refresh.json", tampered)))
                .isEqualTo(new LambdaAnswer(true, UNAUTHORIZED_ERROR));
        assertThat(lastLogLine().get("detail").asText()).isEqualTo("bad_signature");
        // And the cached token still needs its anti-CSRF header on every call.
        assertThat(LambdaAnswer.invoke(handler, withToken("unauthorized-missing-rid.json", token)))
                .isEqualTo(new LambdaAnswer(true, UNAUTHORIZED_ERROR));
        assertThat(lastLogLine().get("detail").asText()).isEqualTo("anti_csrf_rid_missing");
    }
}
