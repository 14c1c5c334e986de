package dev.tollgate.session.testing;

import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.testkit.CannedCore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

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

    /** The captures' API, served by {@code core}, with {@code mode}; callers may change more before building. */
    public static SessionConfig.Builder config(CannedCore core, AntiCsrfMode mode) {
        return SessionConfig.builder()
                .coreUri(core.uri())
                .apiDomain(URI.create("http://localhost:4566"))
                .apiGatewayPath("/dev")
                .antiCsrf(mode)
                .requestTimeout(Duration.ofSeconds(2));
    }
}
