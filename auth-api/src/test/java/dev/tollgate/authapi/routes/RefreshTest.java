package dev.tollgate.authapi.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.authapi.fixtures.TestApi;
import dev.tollgate.authapi.fixtures.TestApi.Browser;
import dev.tollgate.authapi.fixtures.TestApi.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /auth/session/refresh} (docs/supertokens.md#refresh, golden REFRESH and REFRESH-NONE). */
class RefreshTest {

    private TestApi api = new TestApi();

    @AfterEach
    void close() {
        api.close();
    }

    private Browser signedInBrowser(String email) {
        Response signUp = api.request("POST", "/auth/signup")
                .rid("emailpassword")
                .cookieMode()
                .credentials(email, "password123")
                .send();
        assertThat(signUp.status()).isEqualTo(200);
        return new Browser().take(signUp);
    }

    private Response refresh(Browser browser) {
        return api.request("POST", "/auth/session/refresh")
                .rid("session")
                .cookieMode()
                .cookies(browser)
                .send();
    }

    @Test
    void aBrowserWithoutSessionGets401AndIsToldToForget() {
        Response response = api.request("POST", "/auth/session/refresh")
                .rid("session")
                .cookieMode()
                .send();
        assertUnauthorisedAndCleared(response);
        assertThat(response.header("st-access-token")).isEmpty();
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(TestApi.SITE);
        assertThat(api.core.calls()).noneMatch(c -> c.contains("refresh"));
    }

    @Test
    void refreshRotatesTheCookiesAndSendsAFrontToken() {
        Browser browser = signedInBrowser("r@example.com");
        String oldAccess = browser.value("sAccessToken");
        String oldRefresh = browser.value("sRefreshToken");

        Response response = refresh(browser);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().toString()).isEqualTo("{}");
        assertThat(response.setCookies()).hasSize(2);
        assertThat(response.setCookie("sAccessToken"))
                .matches("sAccessToken=eyJ[^;]+; Path=/; Expires=[^;]+; HttpOnly; SameSite=Lax");
        assertThat(response.setCookie("sRefreshToken")).contains("; Path=/dev/auth/session/refresh; ");
        browser.take(response);
        assertThat(browser.value("sAccessToken")).isNotEqualTo(oldAccess);
        assertThat(browser.value("sRefreshToken")).isNotEqualTo(oldRefresh);
        assertThat(response.frontToken()
                        .get("up")
                        .get("parentRefreshTokenHash1")
                        .isTextual())
                .isTrue();
        assertThat(response.frontToken().get("up").get("st-ev").get("v").asBoolean())
                .isFalse();
        // the core got the refresh token decoded from its cookie encoding
        assertThat(api.core.calls()).contains("POST /recipe/session/refresh");
    }

    @Test
    void headerModeRefreshUsesTheBearerRefreshToken() {
        Response signUp = api.request("POST", "/auth/signup")
                .rid("emailpassword")
                .credentials("h@example.com", "password123")
                .send();
        Response response = api.request("POST", "/auth/session/refresh")
                .rid("session")
                .header("st-auth-mode", "header")
                .bearer(signUp.header("st-refresh-token"))
                .send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.setCookies()).isEmpty();
        assertThat(response.header("st-access-token")).startsWith("eyJ");
        assertThat(response.header("st-refresh-token")).isNotEqualTo(signUp.header("st-refresh-token"));
        assertThat(response.header("front-token")).isNotBlank();
    }

    @Test
    void replayingAnOldRefreshTokenIsTheftAndRevokesTheSession() {
        Browser browser = signedInBrowser("theft@example.com");
        String stolen = browser.value("sRefreshToken");
        String handle = refreshAndReadHandle(browser);
        // The second refresh promotes the child: the first token is now older than the parent.
        browser.take(refresh(browser));

        Browser attacker = new Browser();
        attacker.put("sRefreshToken", stolen, "/dev/auth/session/refresh");
        Response response = refresh(attacker);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().toString()).isEqualTo("{\"message\":\"token theft detected\"}");
        assertThat(response.header("front-token")).isEqualTo("remove");
        assertThat(response.setCookie("sRefreshToken"))
                .startsWith("sRefreshToken=; ")
                .contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT");
        assertThat(api.core.sessionExists(handle)).isFalse();
        assertThat(api.core.calls()).contains("POST /recipe/session/remove");
        // and the victim's session is gone too
        assertThat(refresh(browser).status()).isEqualTo(401);
    }

    private String refreshAndReadHandle(Browser browser) {
        Response response = refresh(browser);
        browser.take(response);
        return response.frontToken().get("up").get("sessionHandle").asText();
    }

    @Test
    void anUnknownRefreshTokenIs401AndClears() {
        Browser browser = new Browser();
        browser.put("sRefreshToken", "bm90LWEtdG9rZW4%3D", "/dev/auth/session/refresh");
        Response response = refresh(browser);
        assertUnauthorisedAndCleared(response);
        assertThat(api.core.calls()).contains("POST /recipe/session/refresh");
    }

    @Test
    void theLegacyIdRefreshCookieIsClearedToo() {
        Browser browser = signedInBrowser("legacy@example.com");
        browser.put("sIdRefreshToken", "old", "/");
        Response response = refresh(browser);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.setCookie("sIdRefreshToken"))
                .isEqualTo("sIdRefreshToken=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
    }

    @Test
    void duplicateSessionCookiesAreAClientErrorNotA500() {
        Browser browser = signedInBrowser("dup@example.com");
        Response response = api.request("POST", "/auth/session/refresh")
                .rid("session")
                .cookieMode()
                .cookies(browser)
                .header("Cookie", "sRefreshToken=another")
                .send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("more than one");
    }

    @Test
    void viaCustomHeaderNeedsTheRidHeaderForCookieRefresh() {
        api.close();
        api = new TestApi(Map.of("ANTI_CSRF", "VIA_CUSTOM_HEADER"));
        Browser browser = signedInBrowser("csrf@example.com");
        Response withoutRid = api.request("POST", "/auth/session/refresh")
                .cookieMode()
                .cookies(browser)
                .send();
        assertThat(withoutRid.status()).isEqualTo(401);
        assertThat(withoutRid.header("front-token")).isEqualTo("remove");
        assertThat(api.core.calls()).noneMatch(c -> c.contains("/recipe/session/refresh"));
        assertThat(refresh(browser).status()).isEqualTo(200);
    }

    @Test
    void viaTokenSendsAndChecksTheAntiCsrfToken() {
        api.close();
        api = new TestApi(Map.of("ANTI_CSRF", "VIA_TOKEN"));
        Response signUp = api.request("POST", "/auth/signup")
                .rid("emailpassword")
                .cookieMode()
                .credentials("token@example.com", "password123")
                .send();
        String antiCsrf = signUp.header("anti-csrf");
        assertThat(antiCsrf).isNotBlank();
        Browser browser = new Browser().take(signUp);

        Response wrong = api.request("POST", "/auth/session/refresh")
                .rid("session")
                .cookieMode()
                .cookies(browser)
                .header("anti-csrf", "wrong")
                .send();
        assertThat(wrong.status()).isEqualTo(401);

        Response right = api.request("POST", "/auth/session/refresh")
                .rid("session")
                .cookieMode()
                .cookies(browser)
                .header("anti-csrf", antiCsrf)
                .send();
        assertThat(right.status()).isEqualTo(200);
        // the core's new anti-CSRF token, not the request's echoed back (docs/supertokens.md#refresh step 6, #rotation
        // step 3)
        assertThat(right.header("anti-csrf")).isNotBlank().isNotEqualTo(antiCsrf);
    }

    @Test
    void aFailingCoreIsA500NotA401() {
        Browser browser = signedInBrowser("down@example.com");
        api.core.failWith(500);
        Response response = refresh(browser);
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("message").asText()).isEqualTo("The SuperTokens core failed: refresh session");
        assertThat(response.header("front-token")).isNull();
    }

    @Test
    void refreshOnlyAcceptsPost() {
        Response response = api.request("GET", "/auth/session/refresh").send();
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("POST, OPTIONS");
    }

    /** The 401 that tells the frontend to forget the session: both token cookies expired, front-token removed. */
    private static void assertUnauthorisedAndCleared(Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().toString()).isEqualTo("{\"message\":\"unauthorised\"}");
        assertThat(response.header("front-token")).isEqualTo("remove");
        assertThat(response.setCookie("sAccessToken"))
                .isEqualTo("sAccessToken=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
        assertThat(response.setCookie("sRefreshToken"))
                .isEqualTo(
                        "sRefreshToken=; Path=/dev/auth/session/refresh; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
    }
}
