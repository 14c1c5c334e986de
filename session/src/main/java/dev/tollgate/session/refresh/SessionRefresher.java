package dev.tollgate.session.refresh;

import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreException;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.core.CreatedSession;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.http.BearerToken;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.http.RequestCookies;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenTransferMethod;
import dev.tollgate.session.transfer.TokenWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Node's {@code refreshSessionInRequest} (docs/supertokens.md#refresh) for one request to the refresh API: headers in,
 * {@link RefreshResult} out. Every fresh browser calls the refresh API before its first request, so
 * "no refresh token" is an ordinary 401 that tells the frontend to forget its session; a replayed old
 * refresh token is theft, and the session is revoked before the answer.
 *
 * <p>Order of decisions: duplicate session cookies; the refresh token ({@code Authorization: Bearer}
 * wins over the {@code sRefreshToken} cookie); anti-CSRF ({@code VIA_CUSTOM_HEADER} needs a {@code rid}
 * header for a cookie token; {@code VIA_TOKEN} lets the core check the {@code anti-csrf} header); the
 * core's refresh; theft → revoke. Thread-safe.
 */
public final class SessionRefresher {
    private final SessionConfig config;
    private final CoreClient core;
    private final TokenWriter writer;
    private final Clock clock;

    public SessionRefresher(SessionConfig config, CoreClient core, TokenWriter writer, Clock clock) {
        this.config = config;
        this.core = core;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Refreshes the session of a request to the refresh API.
     *
     * @param headers the request headers (all {@code Cookie} lines are read)
     * @throws RefreshCoreException when the core cannot be used; nothing has been decided for the client
     */
    public RefreshResult refresh(Headers headers) throws RefreshCoreException {
        for (String name : List.of(TokenWriter.ACCESS_TOKEN_COOKIE, TokenWriter.REFRESH_TOKEN_COOKIE)) {
            if (RequestCookies.count(headers, name) > 1) {
                return new RefreshResult.DuplicateSessionCookies(name);
            }
        }
        String headerToken = BearerToken.from(headers);
        String cookieToken = RequestCookies.get(headers, TokenWriter.REFRESH_TOKEN_COOKIE);
        boolean legacyCookie = RequestCookies.get(headers, TokenWriter.LEGACY_ID_REFRESH_TOKEN_COOKIE) != null;
        if (headerToken == null && (cookieToken == null || cookieToken.isEmpty())) {
            return unauthorised("no_refresh_token", legacyCookie);
        }
        TokenTransferMethod method = headerToken != null ? TokenTransferMethod.HEADER : TokenTransferMethod.COOKIE;
        String refreshToken = headerToken != null ? headerToken : cookieToken;

        // A header token cannot be sent by a forged cross-site request, so it needs no anti-CSRF.
        boolean antiCsrfApplies = method == TokenTransferMethod.COOKIE;
        if (antiCsrfApplies && config.antiCsrf() == AntiCsrfMode.VIA_CUSTOM_HEADER) {
            if (!headers.has("rid")) {
                return unauthorised("anti_csrf_header_missing", legacyCookie);
            }
            antiCsrfApplies = false;
        }
        boolean enableAntiCsrf = antiCsrfApplies && config.antiCsrf() == AntiCsrfMode.VIA_TOKEN;

        CoreResults.RefreshSession answer;
        try {
            answer = core.refreshSession(
                    refreshToken,
                    headers.first(TokenWriter.ANTI_CSRF_HEADER),
                    enableAntiCsrf,
                    config.useDynamicAccessTokenSigningKey());
        } catch (CoreException e) {
            throw new RefreshCoreException(RefreshCoreException.Call.REFRESH, e);
        }
        if (answer instanceof CoreResults.RefreshTokenTheft theft) {
            revoke(theft.sessionHandle());
            return rejected(
                    new SessionError.TokenTheftDetected(theft.sessionHandle(), theft.userId(), theft.recipeUserId()),
                    legacyCookie);
        }
        if (answer instanceof CoreResults.RefreshUnauthorised) {
            return unauthorised("refresh_token_rejected", legacyCookie);
        }
        CreatedSession session = ((CoreResults.RefreshOk) answer).session();

        // A refresh token left in the other method would make the frontend refresh with a dead token next time.
        TokenTransferMethod other = method.other();
        boolean otherCarriedRefreshToken =
                other == TokenTransferMethod.COOKIE ? cookieToken != null : headerToken != null;
        ResponseTokens tokens = otherCarriedRefreshToken ? writer.clearedTokens(other) : ResponseTokens.NONE;
        tokens = tokens.followedBy(writer.sessionTokens(
                method,
                session.session().userId(),
                session.accessToken(),
                session.refreshToken(),
                session.antiCsrfToken(),
                clock.millis()));
        return new RefreshResult.Refreshed(session.session().userId(), withLegacyCleared(tokens, legacyCookie));
    }

    private void revoke(String sessionHandle) throws RefreshCoreException {
        try {
            core.removeSessions(List.of(sessionHandle));
        } catch (CoreException e) {
            throw new RefreshCoreException(RefreshCoreException.Call.REVOKE_AFTER_THEFT, e);
        }
    }

    private RefreshResult unauthorised(String reason, boolean legacyCookie) {
        return rejected(new SessionError.Unauthorised(true, reason), legacyCookie);
    }

    private RefreshResult rejected(SessionError.RefreshError error, boolean legacyCookie) {
        return new RefreshResult.Rejected(error, withLegacyCleared(writer.clearedTokensInAllMethods(), legacyCookie));
    }

    /** Node clears {@code sIdRefreshToken} whenever the refresh API answers a request that had it (docs/supertokens.md#legacy-cookie). */
    private ResponseTokens withLegacyCleared(ResponseTokens tokens, boolean legacyCookie) {
        if (!legacyCookie) {
            return tokens;
        }
        return tokens.followedBy(new ResponseTokens(List.of(writer.clearedLegacyIdRefreshTokenCookie()), Map.of()));
    }
}
