package dev.tollgate.authorizer.decision;

/**
 * The fixed set of reason codes in the decision log (documented in README). Each belongs to one
 * outcome, so a dashboard can count either.
 */
public enum Reason {
    /** A verified session; no new cookie. */
    SESSION_VALID(Outcome.ALLOW),
    /** A verified session for which the core minted a replacement access token (sent as setCookie / frontToken). */
    SESSION_VALID_NEW_TOKEN(Outcome.ALLOW),
    /** No access token (or one that is not a SuperTokens token) and sessions are optional: anonymous Allow. */
    NO_SESSION(Outcome.ALLOW),
    /** The session's claims fail the route's requirements: 403 with claimValidationErrors. */
    INVALID_CLAIMS(Outcome.DENY),
    /** No session and SESSION_REQUIRED=true. */
    SESSION_REQUIRED(Outcome.UNAUTHORIZED),
    /** The token must be refreshed (expired, bad signature, unknown key, anti-CSRF failure, duplicate cookies...). */
    TRY_REFRESH(Outcome.UNAUTHORIZED),
    /** The core says the session no longer exists. */
    UNAUTHORISED(Outcome.UNAUTHORIZED),
    /** The answer would need more than one Set-Cookie line; the refresh route can send them properly. */
    COOKIES_NEED_REFRESH(Outcome.UNAUTHORIZED),
    /** Keys or the core could not be reached: a server-side failure, never the client's 401. */
    CORE_UNAVAILABLE(Outcome.ERROR),
    /** The invocation payload is not a REST REQUEST authorizer event. */
    MALFORMED_EVENT(Outcome.ERROR),
    /** A bug or an unexpected failure inside the authorizer. */
    INTERNAL_ERROR(Outcome.ERROR);

    private final Outcome outcome;

    Reason(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }
}
