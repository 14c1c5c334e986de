package dev.tollgate.authorizer.decision;

/** What API Gateway does with the answer. */
public enum Outcome {
    /** Allow policy: the integration runs. */
    ALLOW,
    /** Explicit Deny policy: 403 ACCESS_DENIED with the context's {@code body}. */
    DENY,
    /** Error "Unauthorized": 401 UNAUTHORIZED, the frontend refreshes and retries. */
    UNAUTHORIZED,
    /** Any other error: 500 from API Gateway. */
    ERROR
}
