package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/** A forged access token never gets anyone in. */
@E2eTest
class TamperedTokenIT {

    @Test
    void forgedAccessTokenIsRefusedWith401AndNeverActsAsAnotherUser(Stack stack, Browsers browsers) {
        Users user = Users.fresh("forger");
        DemoPage page = new DemoPage(browsers.open(), stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();
        String userId = page.userId();
        assertThat(page.callApi()).isEqualTo("200");

        // A fresh token, so that the 401 below is the forgery's and not the expiry's.
        Instant expiry = page.refreshNow().accessTokenExpiry();
        // Same header and signature, payload claiming to be someone else.
        Cookie original = page.cookie("sAccessToken");
        replaceCookie(page.driver(), original, forgeSubject(original.getValue(), "someone-else"));
        int journalBefore = page.networkLog().size();

        String status = page.callApi();

        List<Map<String, Object>> wire = page.networkLogSince(journalBefore);
        List<String> calls =
                wire.stream().map(e -> e.get("path") + " " + e.get("status")).toList();
        String api = stack.api().getPath();
        assertThat(calls).as("what went over the wire").first().isEqualTo(api + "/graphql 401");
        assertThat(Instant.parse((String) wire.get(0).get("at")))
                .as("the forged token was sent before its exp")
                .isBefore(expiry);
        // The SDK answers a 401 with a refresh; the genuine refresh token restores the genuine user only.
        assertThat(status).isEqualTo("200");
        assertThat(page.me()).isEqualTo(userId).isNotEqualTo("someone-else");
        assertThat(page.cookie("sAccessToken").getValue())
                .isNotEqualTo(forgeSubject(original.getValue(), "someone-else"));
    }

    @Test
    void tamperedAccessAndRefreshTokensForceANewSignIn(Stack stack, Browsers browsers) {
        Users user = Users.fresh("tampered");
        DemoPage page = new DemoPage(browsers.open(), stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();
        assertThat(page.callApi()).isEqualTo("200");

        // The refresh cookie first: reading and replacing it reloads the page, which loads the notes with
        // the access token; with a forged access token that load would refresh the session before the call.
        Cookie refresh = refreshCookie(page);
        replaceCookie(page.driver(), refresh, replaceFirstChar(refresh.getValue()));
        page.waitForNotesLoaded();
        Cookie access = page.cookie("sAccessToken");
        replaceCookie(page.driver(), access, flipLastSignatureChar(access.getValue()));
        int journalBefore = page.networkLog().size();

        assertThat(page.callApi()).isEqualTo("401");

        List<String> calls = page.networkLogSince(journalBefore).stream()
                .map(e -> e.get("path") + " " + e.get("status"))
                .toList();
        String api = stack.api().getPath();
        assertThat(calls).containsExactly(api + "/graphql 401", api + "/auth/session/refresh 401");
        page.waitSignedOut();
        assertThat(page.formError()).contains("Sign in again");
        assertThat(page.timeline()).extracting(e -> e.get("action")).contains("UNAUTHORISED");
    }

    /** sRefreshToken is scoped to the refresh path; read it there. */
    private static Cookie refreshCookie(DemoPage page) {
        WebDriver driver = page.driver();
        String back = driver.getCurrentUrl();
        // A page under the refresh path on the site's host sees the cookie (cookies ignore ports).
        driver.get(page.webUrl() + page.refreshPath() + "/not-a-page");
        Cookie cookie = driver.manage().getCookieNamed("sRefreshToken");
        driver.get(back);
        page.waitUntilSessionKnown();
        assertThat(cookie).as("sRefreshToken cookie").isNotNull();
        return cookie;
    }

    static void replaceCookie(WebDriver driver, Cookie original, String value) {
        String back = driver.getCurrentUrl();
        boolean elsewhere = !original.getPath().equals("/");
        if (elsewhere) {
            driver.get(
                    URI.create(back).resolve(original.getPath() + "/not-a-page").toString());
        }
        driver.manage().deleteCookieNamed(original.getName());
        driver.manage()
                .addCookie(new Cookie.Builder(original.getName(), value)
                        .path(original.getPath())
                        .expiresOn(original.getExpiry())
                        .isHttpOnly(original.isHttpOnly())
                        .isSecure(original.isSecure())
                        .sameSite(original.getSameSite())
                        .build());
        if (elsewhere) {
            driver.get(back);
        }
    }

    static String forgeSubject(String jwt, String subject) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = payload.replaceFirst("\"sub\"\\s*:\\s*\"[^\"]*\"", "\"sub\":\"" + subject + "\"");
        assertThat(forged).isNotEqualTo(payload);
        return parts[0] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
    }

    /**
     * Another first character. A constant one ("x" + rest) would leave the one token in 64 whose
     * random base64 prefix already starts with it untouched, and that run would refresh with 200.
     */
    static String replaceFirstChar(String token) {
        return (token.charAt(0) == 'x' ? 'y' : 'x') + token.substring(1);
    }

    static String flipLastSignatureChar(String jwt) {
        char last = jwt.charAt(jwt.length() - 2);
        return jwt.substring(0, jwt.length() - 2) + (last == 'A' ? 'B' : 'A') + jwt.charAt(jwt.length() - 1);
    }
}
