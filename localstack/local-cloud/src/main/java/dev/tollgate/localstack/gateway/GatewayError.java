package dev.tollgate.localstack.gateway;

import java.util.Optional;

/**
 * Every way a request ends in a gateway response instead of an integration's answer. Each outcome is
 * one record; {@link GatewayResponses} turns them into HTTP in one place. {@code reason} is for the
 * log only and never reaches the client (it holds no token or cookie material).
 */
sealed interface GatewayError {

    ResponseType type();

    /** {@code $context.error.message}; empty renders as JSON {@code null}. */
    Optional<String> message();

    /** The status when it differs from the type's default (the Lambda-proxy 502). */
    default Optional<Integer> status() {
        return Optional.empty();
    }

    /** Authorizer output, available to ACCESS_DENIED templates and mappings. */
    default Optional<AuthorizerContext> authorizer() {
        return Optional.empty();
    }

    /** Log text: why this happened. */
    String reason();

    record AccessDenied(boolean explicitDeny, AuthorizerContext context) implements GatewayError {
        public ResponseType type() {
            return ResponseType.ACCESS_DENIED;
        }

        public Optional<String> message() {
            return Optional.of(
                    explicitDeny
                            ? "User is not authorized to access this resource with an explicit deny"
                            : "User is not authorized to access this resource");
        }

        @Override
        public Optional<AuthorizerContext> authorizer() {
            return Optional.of(context);
        }

        public String reason() {
            return explicitDeny ? "explicit Deny matched methodArn" : "no Allow matched methodArn";
        }
    }

    /** A gateway response fixed by its type: the message and status API Gateway gives it. */
    record Fixed(ResponseType type, Optional<String> message, Optional<Integer> status, String reason)
            implements GatewayError {}

    static GatewayError missingAuthenticationToken(String reason) {
        return fixed(ResponseType.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token", reason);
    }

    static GatewayError unauthorized(String reason) {
        return fixed(ResponseType.UNAUTHORIZED, "Unauthorized", reason);
    }

    /** API Gateway renders this one's message as JSON {@code null}. */
    static GatewayError authorizerConfigurationError(String reason) {
        return new Fixed(ResponseType.AUTHORIZER_CONFIGURATION_ERROR, Optional.empty(), Optional.empty(), reason);
    }

    static GatewayError apiConfigurationError(String reason) {
        return fixed(ResponseType.API_CONFIGURATION_ERROR, "Internal server error", reason);
    }

    static GatewayError integrationFailure(String reason) {
        return fixed(ResponseType.INTEGRATION_FAILURE, "Internal server error", reason);
    }

    static GatewayError integrationTimeout(String reason) {
        return fixed(ResponseType.INTEGRATION_TIMEOUT, "Endpoint request timed out", reason);
    }

    /** An AWS_PROXY function failed or answered malformed output: 502 (docs/aws.md#aws-proxy). */
    static GatewayError lambdaProxyFailure(String reason) {
        return new Fixed(ResponseType.DEFAULT_5XX, Optional.of("Internal server error"), Optional.of(502), reason);
    }

    static GatewayError unsupportedMediaType(String reason) {
        return fixed(ResponseType.UNSUPPORTED_MEDIA_TYPE, "Unsupported Media Type", reason);
    }

    static GatewayError requestTooLarge(String reason) {
        return fixed(ResponseType.REQUEST_TOO_LARGE, "Request Too Long", reason);
    }

    private static GatewayError fixed(ResponseType type, String message, String reason) {
        return new Fixed(type, Optional.of(message), Optional.empty(), reason);
    }

    /** A query string with a malformed percent-escape: refused before routing, never guessed at. */
    static GatewayError badRequestParameters(String reason) {
        return fixed(ResponseType.BAD_REQUEST_PARAMETERS, "Invalid query string", reason);
    }

    /** Thrown by the pipeline's steps to stop at a gateway response. */
    final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient GatewayError error;

        Failure(GatewayError error) {
            super(error.type() + ": " + error.reason(), null, false, false);
            this.error = error;
        }

        GatewayError error() {
            return error;
        }
    }
}
