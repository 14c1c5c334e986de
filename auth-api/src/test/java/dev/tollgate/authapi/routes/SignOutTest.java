package dev.tollgate.authapi.routes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.authapi.fixtures.TestApi;
import dev.tollgate.authapi.fixtures.TestApi.Browser;
import dev.tollgate.authapi.fixtures.TestApi.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /auth/signout} (docs/supertokens.md#sign-out). */
class SignOutTest {

    private TestApi api = new TestApi();

    @AfterEach
    void close() {
        api.close();
    }

    private Response signUp(String email, boolean cookieMode) {
        TestApi.Request request =
                api.request("POST", "/auth/signup").rid("emailpassword").credentials(email, "password123");
        return (cookieMode ? request.cookieMode() : request).send();
    }

    @Test
    void signOutRevokesAndClearsTheCookies() {
        Response signUp = signUp("out@example.com", true);
        String handle = signUp.frontToken().get("up").get("sessionHandle").asText();
        Browser browser = new Browser().take(signUp);

        Response response = api.request("POST", "/auth/signout")
                .rid("session")
                .cookieMode()
                .cookies(browser)
                .send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().toString()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(response.header("front-token")).isEqualTo("remove");
        assertThat(response.setCookies())
                .containsExactly(
                        "sAccessToken=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax",
                        "sRefreshToken=; Path=/dev/auth/session/refresh; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
        assertThat(api.core.sessionExists(handle)).isFalse();
        browser.take(response);
        assertThat(api.request("POST", "/auth/session/refresh")
                        .rid("session")
                        .cookieMode()
                        .cookies(browser)
                        .send()
                        .status())
                .isEqualTo(401);
    }

    @Test
    void headerModeSignOutClearsTheHeaders() {
        Response signUp = signUp("hout@example.com", false);
        String handle = signUp.frontToken().get("up").get("sessionHandle").asText();
        Response response = api.request("POST", "/auth/signout")
                .rid("session")
                .bearer(signUp.header("st-access-token"))
                .send();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().toString()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(response.header("st-access-token")).isEmpty();
        assertThat(response.header("st-refresh-token")).isEmpty();
        assertThat(response.header("front-token")).isEqualTo("remove");
        assertThat(response.setCookies()).isEmpty();
        assertThat(api.core.sessionExists(handle)).isFalse();
    }

    @Test
    void withoutASessionItIs401Unauthorised() {
        Response response =
                api.request("POST", "/auth/signout").rid("session").cookieMode().send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().toString()).isEqualTo("{\"message\":\"unauthorised\"}");
        assertThat(api.core.calls()).noneMatch(c -> c.contains("remove"));
        // docs/supertokens.md#sign-out: no token means UNAUTHORISED with clearTokens false, so nothing is cleared
        assertThat(response.setCookies()).isEmpty();
        assertThat(response.header("front-token")).isNull();
    }

    @Test
    void anExpiredAccessTokenAsksTheSdkToRefresh() {
        // A core two hours behind the API mints tokens that expired an hour before the API reads them.
        api.close();
        api = new TestApi(Map.of(), Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)));
        Browser browser = new Browser().take(signUp("expired@example.com", true));
        Response response = api.request("POST", "/auth/signout")
                .rid("session")
                .cookieMode()
                .cookies(browser)
                .send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().toString()).isEqualTo("{\"message\":\"try refresh token\"}");
        assertThat(response.header("front-token")).isNull();
        assertThat(response.setCookies()).isEmpty();
    }
}
