package dev.tollgate.session.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.config.SameSite;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.testkit.CannedCore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The setting of the golden core captures of session creation and refresh: the API they were made for
 * ({@code http://localhost:4566}, stage {@code /dev}, SameSite {@code Lax}, not Secure) and the moment the
 * captured tokens were made, with the cookies node writes for them there (docs/supertokens.md#cookies, #clearing-tokens).
 */
public final class CaptureSetting {
    /** The captures' createdTime of the access tokens: Fri, 26 Nov 2026 16:31:34 GMT. */
    public static final long NOW = 1_795_710_694_000L;
    /** {@code sAccessToken} expires a year after it is written. */
    public static final String ACCESS_COOKIE_EXPIRES = "Fri, 26 Nov 2027 16:31:34 GMT";
    /** The captured refresh tokens' expiry. */
    public static final String REFRESH_COOKIE_EXPIRES = "Sat, 06 Mar 2027 16:31:34 GMT";

    public static final String CLEARED_ACCESS =
            "sAccessToken=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";
    public static final String CLEARED_REFRESH =
            "sRefreshToken=; Path=/dev/auth/session/refresh; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";
    public static final String CLEARED_LEGACY =
            "sIdRefreshToken=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";

    private CaptureSetting() {}

    /** A clock stopped at {@link #NOW}. */
    public static Clock clock() {
        return Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
    }

    /** The captures' API as node's sign-up capture wrote its cookies; for writing tokens (no core is called). */
    public static SessionConfig writerConfig() {
        return SessionConfig.builder()
                .coreUri(URI.create("http://localhost:3567"))
                .apiDomain(URI.create("http://localhost:4566"))
                .apiGatewayPath("/dev")
                .apiBasePath("/auth")
                .websiteDomain(URI.create("http://localhost:3000"))
                .cookieSameSite(SameSite.LAX)
                .build();
    }

    /** The captures' API, served by {@code core}, with {@code mode}; callers may change more before building. */
    public static SessionConfig.Builder config(CannedCore core, AntiCsrfMode mode) {
        return SessionConfig.builder()
                .coreUri(core.uri())
                .apiDomain(URI.create("http://localhost:4566"))
                .apiGatewayPath("/dev")
                .antiCsrf(mode)
                .requestTimeout(Duration.ofSeconds(2));
    }

    /** Both token cookies (and {@code extraCookies}) expired, and the headers that tell the frontend to forget. */
    public static void assertClearsEverything(ResponseTokens tokens, String... extraCookies) {
        List<String> cookies = new ArrayList<>(List.of(CLEARED_ACCESS, CLEARED_REFRESH));
        cookies.addAll(List.of(extraCookies));
        assertThat(tokens.setCookies()).containsExactlyElementsOf(cookies);
        assertThat(tokens.headers())
                .containsExactly(
                        Map.entry("front-token", "remove"),
                        Map.entry("st-access-token", ""),
                        Map.entry("st-refresh-token", ""),
                        Map.entry("Access-Control-Expose-Headers", "front-token, st-access-token, st-refresh-token"));
    }

    /** Header mode: the core answer's access and refresh tokens in their headers, exposed to the frontend. */
    public static void assertHeaderTokens(ResponseTokens tokens, JsonNode coreAnswer) {
        assertThat(tokens.headers().get("st-access-token"))
                .isEqualTo(coreAnswer.at("/accessToken/token").asText());
        assertThat(tokens.headers().get("st-refresh-token"))
                .isEqualTo(coreAnswer.at("/refreshToken/token").asText());
        assertThat(tokens.headers().get("Access-Control-Expose-Headers"))
                .isEqualTo("front-token, st-access-token, st-refresh-token");
    }
}
