package dev.tollgate.localstack.authapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.localstack.authapi.SdkClient.Response;
import dev.tollgate.localstack.core.CoreConfig;
import dev.tollgate.localstack.core.CoreStandIn;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The auth API's deployable jar ({@code auth-api/target/auth-api-lambda.jar}) driven the way Lambda
 * drives it (isolated class loader, the event as bytes to its stream handler, REST proxy events as API Gateway
 * builds them) against the core stand-in: the conversations supertokens-web-js has with it.
 */
class AuthApiFlowIT {

    private static final String SITE = AuthApiEnvironment.SITE;

    private static CoreStandIn core;
    private static WebhookInbox inbox;
    private static IsolatedLambda function;

    @BeforeAll
    static void start() throws Exception {
        core = CoreStandIn.start(CoreConfig.builder().build());
        inbox = new WebhookInbox();
        function = load(core);
    }

    private static IsolatedLambda load(CoreStandIn core) throws Exception {
        return IsolatedLambda.load(
                IsolatedLambda.authApiJar(), "dev.tollgate.authapi.AuthApiHandler", AuthApiEnvironment.of(core, inbox));
    }

    @AfterAll
    static void stop() throws Exception {
        if (function != null) {
            function.close();
        }
        if (inbox != null) {
            inbox.close();
        }
        if (core != null) {
            core.close();
        }
    }

    private static String newEmail() {
        return "u" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private static SdkClient browser() {
        return new SdkClient(function, SITE, "cookie");
    }

    private static JsonNode jwtPayload(String jwt) throws Exception {
        return ProxyEvent.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void signUpThenSignInWithCookies() throws Exception {
        SdkClient browser = browser();
        String email = newEmail();

        Response signUp = browser.signUp(email, "password123");
        assertThat(signUp.status()).isEqualTo(200);
        assertThat(signUp.body().get("status").asText()).isEqualTo("OK");
        assertThat(signUp.body().get("user").get("emails").get(0).asText()).isEqualTo(email);
        assertThat(signUp.setCookies())
                .hasSize(2)
                .allSatisfy(cookie -> assertThat(cookie).doesNotContain(", s"));
        assertThat(signUp.setCookies().get(0))
                .matches("sAccessToken=eyJ[^;]+; Path=/; Expires=[^;]+; HttpOnly; SameSite=Lax");
        assertThat(signUp.setCookies().get(1))
                .matches("sRefreshToken=[^;]+; Path=/dev/auth/session/refresh; Expires=[^;]+; HttpOnly; SameSite=Lax");
        assertThat(signUp.header("Access-Control-Allow-Origin")).isEqualTo(SITE);
        assertThat(browser.frontTokenPayload().get("iss").asText()).isEqualTo("http://localhost:4000/dev/auth");

        SdkClient other = browser();
        Response wrong = other.signIn(email, "password124");
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body().toString()).isEqualTo("{\"status\":\"WRONG_CREDENTIALS_ERROR\"}");
        Response signIn = other.signIn(email.toUpperCase(), "password123");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body().get("user").get("id"))
                .isEqualTo(signUp.body().get("user").get("id"));
        assertThat(other.cookie("sAccessToken")).startsWith("eyJ");

        Response exists =
                other.call("GET", "/auth/emailpassword/email/exists", "email=" + email, "emailpassword", null);
        assertThat(exists.body().toString()).isEqualTo("{\"status\":\"OK\",\"exists\":true}");
    }

    @Test
    void aFreshBrowserRefreshesFirstAndGets401() throws Exception {
        Response response = browser().refresh();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body().toString()).isEqualTo("{\"message\":\"unauthorised\"}");
        assertThat(response.header("front-token")).isEqualTo("remove");
    }

    /** With its own core minting one-second access tokens (the stand-in's minimum), waited out. */
    @Test
    void refreshAfterTheAccessTokenExpired() throws Exception {
        try (CoreStandIn shortLived = CoreStandIn.start(CoreConfig.builder()
                        .accessTokenValidity(Duration.ofSeconds(1))
                        .build());
                IsolatedLambda fn = load(shortLived)) {
            refreshAfterExpiry(new SdkClient(fn, SITE, "cookie"));
        }
    }

    private static void refreshAfterExpiry(SdkClient browser) throws Exception {
        browser.signUp(newEmail(), "password123");
        String firstAccess = browser.cookie("sAccessToken");
        long expiresAt = jwtPayload(firstAccess).get("exp").asLong() * 1000;
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1100);

        Response expired = browser.call("GET", "/auth/user/email/verify", null, "emailverification", null);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().toString()).isEqualTo("{\"message\":\"try refresh token\"}");

        Response refreshed = browser.refresh();
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.header("front-token")).isNotBlank();
        assertThat(browser.cookie("sAccessToken")).isNotEqualTo(firstAccess);

        Response retried = browser.call("GET", "/auth/user/email/verify", null, "emailverification", null);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().toString()).isEqualTo("{\"status\":\"OK\",\"isVerified\":false}");
    }

    @Test
    void replayingAnOldRefreshTokenIsTheft() throws Exception {
        SdkClient victim = browser();
        victim.signUp(newEmail(), "password123");
        SdkClient.StoredCookie stolen = victim.refreshCookie();
        assertThat(victim.refresh().status()).isEqualTo(200);
        assertThat(victim.refresh().status()).isEqualTo(200);

        SdkClient attacker = browser();
        attacker.setCookie(stolen);
        Response theft = attacker.refresh();
        assertThat(theft.status()).isEqualTo(401);
        assertThat(theft.body().toString()).isEqualTo("{\"message\":\"token theft detected\"}");
        assertThat(theft.header("front-token")).isEqualTo("remove");
        assertThat(theft.setCookies())
                .anySatisfy(c ->
                        assertThat(c).startsWith("sRefreshToken=; ").contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"));

        Response victimAfter = victim.refresh();
        assertThat(victimAfter.status()).isEqualTo(401);
    }

    @Test
    void signOutRevokesTheSession() throws Exception {
        SdkClient browser = browser();
        browser.signUp(newEmail(), "password123");
        SdkClient.StoredCookie refreshCookie = browser.refreshCookie();

        Response out = browser.signOut();
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.body().toString()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(out.header("front-token")).isEqualTo("remove");
        assertThat(browser.cookie("sAccessToken")).isNull();
        assertThat(browser.cookie("sRefreshToken")).isNull();

        SdkClient replay = browser();
        replay.setCookie(refreshCookie);
        assertThat(replay.refresh().status()).isEqualTo(401);
    }

    @Test
    void verifyingTheEmailFlipsStEvInTheAccessToken() throws Exception {
        SdkClient browser = browser();
        String email = newEmail();
        browser.signUp(email, "password123");
        assertThat(jwtPayload(browser.cookie("sAccessToken"))
                        .get("st-ev")
                        .get("v")
                        .asBoolean())
                .isFalse();

        Response sent = browser.call("POST", "/auth/user/email/verify/token", null, "emailverification", "{}");
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body().toString()).isEqualTo("{\"status\":\"OK\"}");
        JsonNode message = inbox.messages().stream()
                .filter(m -> m.get("to").asText().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(message.get("type").asText()).isEqualTo("EMAIL_VERIFICATION");
        String link = message.get("link").asText();
        assertThat(link).startsWith(SITE + "/auth/verify-email?token=").endsWith("&tenantId=public");
        assertThat(message.get("text").asText()).contains(link);
        String token = null;
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            if (pair.startsWith("token=")) {
                token = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }

        Response verified = browser.verifyEmail(token);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().toString()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(browser.frontTokenPayload().get("st-ev").get("v").asBoolean())
                .isTrue();
        assertThat(jwtPayload(browser.cookie("sAccessToken"))
                        .get("st-ev")
                        .get("v")
                        .asBoolean())
                .isTrue();

        Response isVerified = browser.call("GET", "/auth/user/email/verify", null, "emailverification", null);
        assertThat(isVerified.body().toString()).isEqualTo("{\"status\":\"OK\",\"isVerified\":true}");
        Response reused = browser.verifyEmail(token);
        assertThat(reused.body().toString()).isEqualTo("{\"status\":\"EMAIL_VERIFICATION_INVALID_TOKEN_ERROR\"}");
    }

    @Test
    void errorsAreJsonAndTheSesClientIsNeverLoaded() throws Exception {
        SdkClient browser = browser();
        Response unknown = browser.call("GET", "/auth/nothing-here", null, "session", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("message").asText()).contains("/auth/nothing-here");
        Response malformed = browser.call("POST", "/auth/signup", null, "emailpassword", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body().get("message").asText()).isEqualTo("Request body is not valid JSON");
        assertThat(function.hasLoaded("software.amazon.awssdk.services.ses.SesClient"))
                .isFalse();
        assertThat(function.hasLoaded("dev.tollgate.authapi.email.SesEmailSender"))
                .isFalse();
        assertThat(function.hasLoaded("dev.tollgate.authapi.email.WebhookEmailSender"))
                .isTrue();
    }
}
