package dev.tollgate.authorizer.decision;

/** The authorizer's verdict for one call, before it is rendered for API Gateway. */
public sealed interface Decision {

    Reason reason();

    /** The user id when a session was verified, else {@code null}. */
    String userId();

    /** A log-safe code saying more than the reason (e.g. the session library's {@code expired}), or {@code null}. */
    default String detail() {
        return null;
    }

    /**
     * Allow the call.
     *
     * @param userId     verified user id, or {@code null} for an anonymous call (principalId "")
     * @param setCookie  the single Set-Cookie value to forward, or {@code null}
     * @param frontToken the front-token header value to forward, or {@code null}
     */
    record Allow(Reason reason, String userId, String setCookie, String frontToken) implements Decision {}

    /**
     * Deny with a 403 body (SuperTokens' invalid-claim JSON).
     *
     * @param body      the JSON text for the ACCESS_DENIED template ({@code $context.authorizer.body})
     * @param setCookie the single Set-Cookie value to forward, or {@code null}
     */
    record Deny(Reason reason, String userId, String body, String setCookie) implements Decision {}

    /** Answer 401: Lambda error with message exactly {@code Unauthorized}. */
    record Unauthorized(Reason reason, String userId, String detail) implements Decision {}

    /**
     * Answer 500: Lambda error with another message.
     *
     * @param detail a short, fixed explanation for the log; never token, cookie or header content
     */
    record Failure(Reason reason, String userId, String detail) implements Decision {}
}
