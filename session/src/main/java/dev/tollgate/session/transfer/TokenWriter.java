package dev.tollgate.session.transfer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.TokenInfo;
import dev.tollgate.session.token.AccessTokenParser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders session tokens into response headers exactly as supertokens-node does (docs/supertokens.md#cookies, #writing-tokens, #clearing-tokens, #front-token).
 *
 * <p>Cookies: {@code name=value; Domain=..; Path=..; Expires=..; HttpOnly; Secure; SameSite=..}, values
 * {@code encodeURIComponent}-encoded (the refresh token's {@code + / =} become {@code %2B %2F %3D}),
 * {@code sAccessToken} on path {@code /} expiring in one year, {@code sRefreshToken} on the refresh
 * path (with the stage prefix) expiring when the core says.
 */
public final class TokenWriter {
    public static final String ACCESS_TOKEN_COOKIE = "sAccessToken";
    public static final String REFRESH_TOKEN_COOKIE = "sRefreshToken";
    public static final String LEGACY_ID_REFRESH_TOKEN_COOKIE = "sIdRefreshToken";
    public static final String ACCESS_TOKEN_HEADER = "st-access-token";
    public static final String REFRESH_TOKEN_HEADER = "st-refresh-token";
    public static final String FRONT_TOKEN_HEADER = "front-token";
    public static final String ANTI_CSRF_HEADER = "anti-csrf";
    public static final String EXPOSE_HEADERS = "Access-Control-Expose-Headers";

    /** node's {@code oneYearInMs}: the access-token cookie outlives the JWT on purpose. */
    public static final long ONE_YEAR_MILLIS = 31_536_000_000L;

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final SessionConfig config;

    public TokenWriter(SessionConfig config) {
        this.config = config;
    }

    /** {@code Set-Cookie} for the access token, expiring one year after {@code nowMillis}. */
    public String accessTokenCookie(String accessToken, long nowMillis) {
        return cookie(ACCESS_TOKEN_COOKIE, accessToken, config.accessTokenPath(), nowMillis + ONE_YEAR_MILLIS);
    }

    /** {@code Set-Cookie} for the refresh token (percent-encoded) on the refresh path. */
    public String refreshTokenCookie(String refreshToken, long expiryMillis) {
        return cookie(REFRESH_TOKEN_COOKIE, refreshToken, config.refreshTokenPath(), expiryMillis);
    }

    /** {@code Set-Cookie} clearing the access-token cookie (empty, epoch). */
    public String clearedAccessTokenCookie() {
        return cookie(ACCESS_TOKEN_COOKIE, "", config.accessTokenPath(), 0);
    }

    /** {@code Set-Cookie} clearing the refresh-token cookie (empty, epoch, refresh path). */
    public String clearedRefreshTokenCookie() {
        return cookie(REFRESH_TOKEN_COOKIE, "", config.refreshTokenPath(), 0);
    }

    /** {@code Set-Cookie} clearing the legacy {@code sIdRefreshToken} cookie (access-token path, docs/supertokens.md#legacy-cookie). */
    public String clearedLegacyIdRefreshTokenCookie() {
        return cookie(LEGACY_ID_REFRESH_TOKEN_COOKIE, "", config.accessTokenPath(), 0);
    }

    /** The {@code front-token} value for an access token minted by the core. */
    public static String frontToken(String userId, TokenInfo accessToken) {
        ObjectNode payload = AccessTokenParser.payloadOf(accessToken.token());
        return FrontToken.encode(userId, accessToken.expiry(), payload);
    }

    /**
     * Everything a new or refreshed session writes (docs/supertokens.md#writing-tokens): front token, access token, refresh token
     * (if given) and anti-CSRF token (if given), in {@code method}.
     *
     * @param userId primary user id (the front token's {@code uid})
     * @param refreshToken {@code null} when only the access token changed
     * @param antiCsrfToken {@code null} when the session has none
     */
    public ResponseTokens sessionTokens(
            TokenTransferMethod method,
            String userId,
            TokenInfo accessToken,
            TokenInfo refreshToken,
            String antiCsrfToken,
            long nowMillis) {
        List<String> cookies = new ArrayList<>(2);
        Map<String, String> headers = new LinkedHashMap<>();
        Set<String> expose = new LinkedHashSet<>();
        headers.put(FRONT_TOKEN_HEADER, frontToken(userId, accessToken));
        expose.add(FRONT_TOKEN_HEADER);
        if (method == TokenTransferMethod.COOKIE) {
            cookies.add(accessTokenCookie(accessToken.token(), nowMillis));
            if (refreshToken != null) {
                cookies.add(refreshTokenCookie(refreshToken.token(), refreshToken.expiry()));
            }
        } else {
            headers.put(ACCESS_TOKEN_HEADER, accessToken.token());
            expose.add(ACCESS_TOKEN_HEADER);
            if (refreshToken != null) {
                headers.put(REFRESH_TOKEN_HEADER, refreshToken.token());
                expose.add(REFRESH_TOKEN_HEADER);
            }
        }
        if (antiCsrfToken != null) {
            headers.put(ANTI_CSRF_HEADER, antiCsrfToken);
            expose.add(ANTI_CSRF_HEADER);
        }
        headers.put(EXPOSE_HEADERS, String.join(", ", expose));
        return new ResponseTokens(cookies, headers);
    }

    /**
     * Clears the session in the given transfer methods (docs/supertokens.md#clearing-tokens): empty epoch cookies and/or empty
     * {@code st-*} headers, plus {@code front-token: remove}. Node clears both methods on UNAUTHORISED
     * and token theft; pass both then.
     */
    public ResponseTokens clearedTokens(TokenTransferMethod... methods) {
        List<String> cookies = new ArrayList<>(2);
        Map<String, String> headers = new LinkedHashMap<>();
        Set<String> expose = new LinkedHashSet<>();
        headers.put(FRONT_TOKEN_HEADER, FrontToken.REMOVE);
        expose.add(FRONT_TOKEN_HEADER);
        for (TokenTransferMethod method : methods) {
            if (method == TokenTransferMethod.COOKIE) {
                cookies.add(clearedAccessTokenCookie());
                cookies.add(clearedRefreshTokenCookie());
            } else {
                headers.put(ACCESS_TOKEN_HEADER, "");
                headers.put(REFRESH_TOKEN_HEADER, "");
                expose.add(ACCESS_TOKEN_HEADER);
                expose.add(REFRESH_TOKEN_HEADER);
            }
        }
        headers.put(EXPOSE_HEADERS, String.join(", ", expose));
        return new ResponseTokens(cookies, headers);
    }

    /** Clears both transfer methods, as node's {@code clearSessionFromAllTokenTransferMethods}. */
    public ResponseTokens clearedTokensInAllMethods() {
        return clearedTokens(TokenTransferMethod.COOKIE, TokenTransferMethod.HEADER);
    }

    private String cookie(String name, String value, String path, long expiresMillis) {
        StringBuilder sb = new StringBuilder(64 + value.length());
        sb.append(name).append('=').append(encodeUriComponent(value));
        if (config.cookieDomain() != null) {
            sb.append("; Domain=").append(config.cookieDomain());
        }
        sb.append("; Path=").append(path);
        sb.append("; Expires=").append(HTTP_DATE.format(Instant.ofEpochMilli(expiresMillis)));
        sb.append("; HttpOnly");
        if (config.cookieSecure()) {
            sb.append("; Secure");
        }
        sb.append("; SameSite=").append(config.cookieSameSite().attributeValue());
        return sb.toString();
    }

    /** JavaScript's {@code encodeURIComponent}. */
    static String encodeUriComponent(String value) {
        StringBuilder sb = null;
        byte[] bytes = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!unreserved(c)) {
                bytes = value.getBytes(StandardCharsets.UTF_8);
                sb = new StringBuilder(value.length() + 16);
                break;
            }
        }
        if (bytes == null) {
            return value;
        }
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 128 && unreserved((char) c)) {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '!'
                || c == '~'
                || c == '*'
                || c == '\''
                || c == '('
                || c == ')';
    }
}
