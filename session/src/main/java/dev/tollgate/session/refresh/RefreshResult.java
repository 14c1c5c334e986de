package dev.tollgate.session.refresh;

import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.transfer.ResponseTokens;

/** The outcome of {@link SessionRefresher#refresh}: one record per way the refresh API can answer. */
public sealed interface RefreshResult {

    /**
     * The session was refreshed: answer 200 {@code {}} with {@code responseTokens} (rotated tokens in the
     * transfer method the request used, {@code front-token}, anti-CSRF token, and the clearing node does
     * alongside).
     *
     * @param userId the primary user id of the session
     */
    record Refreshed(String userId, ResponseTokens responseTokens) implements RefreshResult {}

    /**
     * The refresh is refused: answer {@code error} (401 unauthorised or 401 token theft, see
     * {@link dev.tollgate.session.error.ErrorResponses}) with {@code responseTokens}, which clear the
     * session in every transfer method and the legacy cookie where the request had one.
     */
    record Rejected(SessionError.RefreshError error, ResponseTokens responseTokens) implements RefreshResult {}

    /**
     * The request carries {@code cookieName} more than once (a cookie left over from another cookie
     * domain). Node throws a plain error (500) here unless {@code olderCookieDomain} is configured; the
     * library leaves the answer to the adapter. No core call was made and nothing is to be written.
     */
    record DuplicateSessionCookies(String cookieName) implements RefreshResult {}
}
