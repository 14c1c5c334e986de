package dev.tollgate.session.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.TokenInfo;
import dev.tollgate.session.testing.CaptureSetting;
import dev.tollgate.testkit.GoldenCaptures;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reproduces supertokens-node's sign-up response headers byte for byte from the tokens it contained
 * ({@code golden/supertokens-node-fdi-signup-refresh.md} in the test resources).
 */
class NodeGoldenResponseTest {
    final SessionConfig config = CaptureSetting.writerConfig();
    final TokenWriter writer = new TokenWriter(config);

    @Test
    void signUpResponseHeadersMatchNode() throws Exception {
        String golden = GoldenCaptures.text(GoldenCaptures.NODE);
        Matcher cookies = Pattern.compile("\"(sAccessToken=[^\"]+)\",\\s*\"(sRefreshToken=[^\"]+)\"")
                .matcher(golden);
        assertThat(cookies.find()).isTrue();
        String accessCookie = cookies.group(1);
        String refreshCookie = cookies.group(2);
        Matcher front = Pattern.compile("\"front-token\": \"([^\"]+)\"").matcher(golden);
        assertThat(front.find()).isTrue();

        String accessToken = accessCookie.substring("sAccessToken=".length(), accessCookie.indexOf(';'));
        String refreshToken = URLDecoder.decode(
                refreshCookie.substring("sRefreshToken=".length(), refreshCookie.indexOf(';')), StandardCharsets.UTF_8);
        // iat 1795710684 (the capture's "now"); exp 1795714284; refresh expiry Sat, 06 Mar 2027 16:31:24 GMT.
        TokenInfo at = new TokenInfo(accessToken, 1_795_714_284_000L, 1_795_710_684_000L);
        TokenInfo rt = new TokenInfo(refreshToken, 1_804_350_684_116L, 1_795_710_684_116L);

        ResponseTokens tokens = writer.sessionTokens(
                TokenTransferMethod.COOKIE, "b6e01c94-f2f4-4491-a797-0aa68d358cc6", at, rt, null, 1_795_710_684_200L);

        assertThat(tokens.setCookies()).containsExactly(accessCookie, refreshCookie);
        assertThat(tokens.headers())
                .containsEntry("front-token", front.group(1))
                .containsEntry("Access-Control-Expose-Headers", "front-token")
                .hasSize(2);
    }

    @Test
    void headerModeSessionsUseStHeadersAndExposeThem() {
        TokenInfo at = new TokenInfo("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1IiwiZXhwIjoxLCJpYXQiOjF9.c2ln", 1000, 0);
        TokenInfo rt = new TokenInfo("a+b/c=", 5000, 0);
        ResponseTokens tokens = writer.sessionTokens(TokenTransferMethod.HEADER, "u", at, rt, "csrf", 0);
        assertThat(tokens.setCookies()).isEmpty();
        assertThat(tokens.headers())
                .containsEntry("st-access-token", at.token())
                .containsEntry("st-refresh-token", "a+b/c=")
                .containsEntry("anti-csrf", "csrf")
                .containsEntry(
                        "Access-Control-Expose-Headers", "front-token, st-access-token, st-refresh-token, anti-csrf");
        assertThat(FrontTokenDecoding.decode(tokens.headers().get("front-token")))
                .isEqualTo("{\"uid\":\"u\",\"ate\":1000,\"up\":{\"sub\":\"u\",\"exp\":1,\"iat\":1}}");
    }

    @Test
    void clearingInBothMethodsRemovesTheFrontToken() {
        ResponseTokens cleared = writer.clearedTokensInAllMethods();
        assertThat(cleared.setCookies())
                .containsExactly(
                        "sAccessToken=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax",
                        "sRefreshToken=; Path=/dev/auth/session/refresh; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
        assertThat(cleared.headers())
                .containsEntry("front-token", "remove")
                .containsEntry("st-access-token", "")
                .containsEntry("st-refresh-token", "")
                .containsEntry("Access-Control-Expose-Headers", "front-token, st-access-token, st-refresh-token");
        assertThat(writer.clearedLegacyIdRefreshTokenCookie())
                .isEqualTo("sIdRefreshToken=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax");
    }

    @Test
    void domainAndSecureAttributesComeInNodesOrder() {
        SessionConfig secure = SessionConfig.builder()
                .coreUri(URI.create("http://localhost:3567"))
                .apiDomain(URI.create("https://api.example.com"))
                .websiteDomain(URI.create("https://app.example.org"))
                .cookieDomain(".example.com")
                .build();
        assertThat(new TokenWriter(secure).clearedAccessTokenCookie())
                .isEqualTo(
                        "sAccessToken=; Domain=.example.com; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; Secure; SameSite=None");
    }

    @Test
    void encodeUriComponentMatchesJavaScript() {
        assertThat(TokenWriter.encodeUriComponent("aZ09-_.!~*'()")).isEqualTo("aZ09-_.!~*'()");
        assertThat(TokenWriter.encodeUriComponent("+/= ;,é")).isEqualTo("%2B%2F%3D%20%3B%2C%C3%A9");
    }

    static final class FrontTokenDecoding {
        static String decode(String value) {
            return new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
        }
    }
}
