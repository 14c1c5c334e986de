package dev.tollgate.authapi.sessions;

import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.routing.Route;
import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.core.CreatedSession;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.http.RequestCookies;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenTransferMethod;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.SessionError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /session/refresh} (spec E.1): rotates the refresh token and mints a new access token. Every
 * fresh browser calls it before its first request, so "no refresh token" must be a 401, never a 400 or
 * 500; a replayed old refresh token is theft and revokes the session.
 */
public final class RefreshRoute implements Route {

    private final SessionConfig config;
    private final CoreClient core;
    private final TokenWriter writer;
    private final SessionRequests sessions;
    private final Clock clock;

    public RefreshRoute(SessionConfig config, CoreClient core, TokenWriter writer, SessionRequests sessions, Clock clock) {
        this.config = config;
        this.core = core;
        this.writer = writer;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Headers headers = SessionRequests.headers(request);
        rejectDuplicateCookies(headers);
        String headerToken = SessionRequests.bearerToken(headers);
        String cookieToken = RequestCookies.get(headers, TokenWriter.REFRESH_TOKEN_COOKIE);
        boolean legacyCookie = RequestCookies.get(headers, TokenWriter.LEGACY_ID_REFRESH_TOKEN_COOKIE) != null;
        if (headerToken == null && (cookieToken == null || cookieToken.isEmpty())) {
            throw unauthorised("no_refresh_token", legacyCookie);
        }
        TokenTransferMethod method = headerToken != null ? TokenTransferMethod.HEADER : TokenTransferMethod.COOKIE;
        String refreshToken = headerToken != null ? headerToken : cookieToken;

        boolean disableAntiCsrf = method == TokenTransferMethod.HEADER;
        if (config.antiCsrf() == AntiCsrfMode.VIA_CUSTOM_HEADER && method == TokenTransferMethod.COOKIE) {
            if (!headers.has("rid")) {
                throw unauthorised("anti_csrf_header_missing", legacyCookie);
            }
            disableAntiCsrf = true;
        }
        boolean enableAntiCsrf = !disableAntiCsrf && config.antiCsrf() == AntiCsrfMode.VIA_TOKEN;
        String antiCsrfToken = headers.first("anti-csrf");

        CoreResults.RefreshSession result = CoreCalls.call("refresh session",
                () -> core.refreshSession(refreshToken, antiCsrfToken, enableAntiCsrf,
                        config.useDynamicAccessTokenSigningKey()));
        if (result instanceof CoreResults.RefreshTokenTheft theft) {
            CoreCalls.call("revoke session after token theft", () -> core.removeSessions(List.of(theft.sessionHandle())));
            ApiException.SessionRejected rejected = sessions.rejection(
                    new SessionError.TokenTheftDetected(theft.sessionHandle(), theft.userId(), theft.recipeUserId()));
            throw withLegacyCleared(rejected, legacyCookie);
        }
        if (result instanceof CoreResults.RefreshUnauthorised) {
            throw unauthorised("refresh_token_rejected", legacyCookie);
        }
        CreatedSession refreshed = ((CoreResults.RefreshOk) result).session();

        ApiResponse response = ApiResponse.json(200, "{}");
        TokenTransferMethod other = method == TokenTransferMethod.COOKIE ? TokenTransferMethod.HEADER : TokenTransferMethod.COOKIE;
        boolean otherCarriedRefreshToken = other == TokenTransferMethod.COOKIE ? cookieToken != null : headerToken != null;
        if (otherCarriedRefreshToken) {
            TokenResponses.apply(response, writer.clearedTokens(other));
        }
        TokenResponses.apply(response, writer.sessionTokens(method, refreshed.session().userId(), refreshed.accessToken(),
                refreshed.refreshToken(), refreshed.antiCsrfToken(), clock.millis()));
        if (legacyCookie) {
            response.cookie(writer.clearedLegacyIdRefreshTokenCookie());
        }
        return response.userId(refreshed.session().userId());
    }

    /**
     * node throws a plain error (500) when a browser holds two session cookies of one name, unless an
     * older cookie domain is configured. That is a stale cookie in the browser, not a failure of ours, so
     * this is a 400 that says what to do; the older-cookie-domain clean-up is not implemented.
     */
    private static void rejectDuplicateCookies(Headers headers) {
        if (RequestCookies.count(headers, TokenWriter.ACCESS_TOKEN_COOKIE) > 1
                || RequestCookies.count(headers, TokenWriter.REFRESH_TOKEN_COOKIE) > 1) {
            throw new ApiException.BadRequest("The request carries more than one sAccessToken or sRefreshToken "
                    + "cookie (left over from another cookie domain); clear this site's cookies and sign in again");
        }
    }

    private ApiException.SessionRejected unauthorised(String reason, boolean legacyCookie) {
        return withLegacyCleared(sessions.rejection(new SessionError.Unauthorised(true, reason)), legacyCookie);
    }

    private ApiException.SessionRejected withLegacyCleared(ApiException.SessionRejected rejected, boolean legacyCookie) {
        if (!legacyCookie) {
            return rejected;
        }
        List<String> cookies = new ArrayList<>(rejected.clearing().setCookies());
        cookies.add(writer.clearedLegacyIdRefreshTokenCookie());
        return new ApiException.SessionRejected(rejected.error(),
                new ResponseTokens(cookies, rejected.clearing().headers()));
    }
}
