package dev.tollgate.authapi.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.authapi.email.VerificationEmail;
import dev.tollgate.authapi.fixtures.TestApi;
import dev.tollgate.authapi.fixtures.TestApi.Browser;
import dev.tollgate.authapi.fixtures.TestApi.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email verification: is-verified, send the link, verify with its token, and the {@code st-ev} claim
 * changing in the access token (and front token) so the SDK sees it at once.
 */
class EmailVerificationTest {

    private final TestApi api = new TestApi();
    private Browser browser;
    private String userId;

    @BeforeEach
    void signUp() {
        Response signUp = api.request("POST", "/auth/signup")
                .rid("emailpassword")
                .cookieMode()
                .credentials("Verify.Me@example.com", "password123")
                .send();
        browser = new Browser().take(signUp);
        userId = signUp.json().get("user").get("id").asText();
    }

    @AfterEach
    void close() {
        api.close();
    }

    private Response isVerified() {
        Response response = api.request("GET", "/auth/user/email/verify")
                .rid("emailverification")
                .cookieMode()
                .cookies(browser)
                .send();
        browser.take(response);
        return response;
    }

    private Response sendEmail() {
        Response response = api.request("POST", "/auth/user/email/verify/token")
                .rid("emailverification")
                .cookieMode()
                .cookies(browser)
                .json("{}")
                .send();
        browser.take(response);
        return response;
    }

    private Response verify(String token, boolean withSession) {
        TestApi.Request request = api.request("POST", "/auth/user/email/verify")
                .rid("emailverification")
                .cookieMode()
                .json("{\"method\":\"token\",\"token\":\"" + token + "\"}");
        Response response = (withSession ? request.cookies(browser) : request).send();
        if (withSession) {
            browser.take(response);
        }
        return response;
    }

    private static String tokenOf(VerificationEmail email) {
        String query = URI.create(email.link()).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("token=")) {
                return URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no token in " + email.link());
    }

    @Test
    void theWholeFlowFlipsStEvInTheSession() {
        Response before = isVerified();
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().toString()).isEqualTo("{\"status\":\"OK\",\"isVerified\":false}");
        assertThat(before.frontToken().get("up").get("st-ev").get("v").asBoolean())
                .isFalse();
        assertThat(before.setCookie("sAccessToken")).startsWith("sAccessToken=eyJ");
        assertThat(api.core.calls()).contains("POST /recipe/session/regenerate");

        Response sent = sendEmail();
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.json().toString()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(api.emails).hasSize(1);
        VerificationEmail email = api.emails.get(0);
        assertThat(email.to()).isEqualTo("verify.me@example.com");
        assertThat(email.link())
                .startsWith("http://localhost:3000/auth/verify-email?token=")
                .endsWith("&tenantId=public");
        String token = tokenOf(email);
        assertThat(token).isEqualTo(api.core.lastEmailVerificationToken().orElseThrow());

        Response verified = verify(token, true);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.json().toString()).isEqualTo("{\"status\":\"OK\"}");
        JsonNode payload = verified.frontToken().get("up");
        assertThat(payload.get("st-ev").get("v").asBoolean()).isTrue();
        assertThat(payload.get("sub").asText()).isEqualTo(userId);
        assertThat(payload.get("iss").asText()).isEqualTo("http://localhost:4000/dev/auth");
        assertThat(verified.setCookie("sAccessToken")).startsWith("sAccessToken=eyJ");
        assertThat(verified.setCookie("sRefreshToken")).isNull();

        Response after = isVerified();
        assertThat(after.json().toString()).isEqualTo("{\"status\":\"OK\",\"isVerified\":true}");
        assertThat(after.frontToken().get("up").get("st-ev").get("v").asBoolean())
                .isTrue();

        // the claim survives a refresh: the core keeps the regenerated payload
        Response refreshed = api.request("POST", "/auth/session/refresh")
                .rid("session")
                .cookieMode()
                .cookies(browser)
                .send();
        assertThat(refreshed.frontToken().get("up").get("st-ev").get("v").asBoolean())
                .isTrue();

        long regenerations = api.core.calls().stream()
                .filter("POST /recipe/session/regenerate"::equals)
                .count();
        Response again = sendEmail();
        assertThat(again.json().toString()).isEqualTo("{\"status\":\"EMAIL_ALREADY_VERIFIED_ERROR\"}");
        assertThat(api.emails).hasSize(1);
        // The session already carries st-ev true: like node, no regeneration and no new token.
        assertThat(api.core.calls().stream()
                        .filter("POST /recipe/session/regenerate"::equals)
                        .count())
                .isEqualTo(regenerations);
        assertThat(again.header("front-token")).isNull();
        assertThat(again.setCookies()).isEmpty();
    }

    @Test
    void verifyingInAnotherBrowserIsSeenByIsVerified() {
        sendEmail();
        Response elsewhere = verify(tokenOf(api.emails.get(0)), false);
        assertThat(elsewhere.json().toString()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(elsewhere.header("front-token")).isNull();
        assertThat(elsewhere.setCookies()).isEmpty();

        Response polled = isVerified();
        assertThat(polled.json().get("isVerified").asBoolean()).isTrue();
        assertThat(polled.frontToken().get("up").get("st-ev").get("v").asBoolean())
                .isTrue();
    }

    @Test
    void aWrongOrUsedTokenIsAnAnswerNotAnError() {
        Response wrong = verify("no-such-token", true);
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.json().toString()).isEqualTo("{\"status\":\"EMAIL_VERIFICATION_INVALID_TOKEN_ERROR\"}");
    }

    @Test
    void malformedVerifyRequestsAre400() {
        Response missing = api.request("POST", "/auth/user/email/verify")
                .rid("emailverification")
                .json("{\"method\":\"token\"}")
                .send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").asText()).isEqualTo("Please provide the email verification token");
        Response number = api.request("POST", "/auth/user/email/verify")
                .rid("emailverification")
                .json("{\"token\":5}")
                .send();
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.json().get("message").asText()).isEqualTo("The email verification token must be a string");
    }

    @Test
    void isVerifiedAndSendNeedASession() {
        Response get = api.request("GET", "/auth/user/email/verify")
                .rid("emailverification")
                .cookieMode()
                .send();
        assertThat(get.status()).isEqualTo(401);
        assertThat(get.json().get("message").asText()).isEqualTo("unauthorised");
        Response post = api.request("POST", "/auth/user/email/verify/token")
                .rid("emailverification")
                .cookieMode()
                .send();
        assertThat(post.status()).isEqualTo(401);
        assertThat(api.emails).isEmpty();
    }

    @Test
    void alreadyVerifiedElsewhereUpdatesTheClaimWithoutSendingMail() {
        api.core.markVerified(userId);
        Response response = sendEmail();
        assertThat(response.json().toString()).isEqualTo("{\"status\":\"EMAIL_ALREADY_VERIFIED_ERROR\"}");
        assertThat(response.frontToken().get("up").get("st-ev").get("v").asBoolean())
                .isTrue();
        assertThat(api.emails).isEmpty();
    }

    @Test
    void aLoginMethodWithoutEmailCountsAsVerifiedAndTheSessionSaysSo() {
        api.core.removeEmail(userId);
        long regenerations = api.core.calls().stream()
                .filter("POST /recipe/session/regenerate"::equals)
                .count();

        Response response = isVerified();

        assertThat(response.json().toString()).isEqualTo("{\"status\":\"OK\",\"isVerified\":true}");
        // node's fetchAndSetClaim writes st-ev true into the session, as the send-email route does
        assertThat(response.frontToken().get("up").get("st-ev").get("v").asBoolean())
                .isTrue();
        assertThat(response.setCookie("sAccessToken")).startsWith("sAccessToken=eyJ");
        assertThat(api.core.calls().stream()
                        .filter("POST /recipe/session/regenerate"::equals)
                        .count())
                .isEqualTo(regenerations + 1);
    }

    @Test
    void signingInAfterVerificationStartsWithStEvTrue() {
        api.core.markVerified(userId);
        Response signIn = api.request("POST", "/auth/signin")
                .rid("emailpassword")
                .cookieMode()
                .credentials("verify.me@example.com", "password123")
                .send();
        assertThat(signIn.frontToken().get("up").get("st-ev").get("v").asBoolean())
                .isTrue();
        assertThat(signIn.json().at("/user/loginMethods/0/verified").asBoolean())
                .isTrue();
    }
}
