package dev.tollgate.authorizer.decision;

/**
 * Thrown for a server-side failure: any message other than {@code Unauthorized} makes API Gateway
 * answer 500. The message carries the reason code and the request id, never request content.
 */
public final class AuthorizerError extends RuntimeException {

    public AuthorizerError(Reason reason, String requestId) {
        super(
                "Authorizer failure: " + reason.name() + (requestId == null ? "" : " (request " + requestId + ")"),
                null,
                false,
                false);
    }
}
