package dev.tollgate.authorizer.decision;

/**
 * Thrown to make API Gateway answer 401: a Lambda error whose message is exactly
 * {@code Unauthorized} is its only road to the UNAUTHORIZED gateway response.
 */
public final class UnauthorizedError extends RuntimeException {

    public static final String MESSAGE = "Unauthorized";

    public UnauthorizedError() {
        // No stack trace: it would be noise in the runtime's error report, and costs time.
        super(MESSAGE, null, false, false);
    }
}
