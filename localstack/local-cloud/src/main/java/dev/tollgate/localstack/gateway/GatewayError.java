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

    record MissingAuthenticationToken(String reason) implements GatewayError {
        public ResponseType type() {
            return ResponseType.MISSING_AUTHENTICATION_TOKEN;
        }

        public Optional<String> message() {
            return Optional.of("Missing Authentication Token");
        }
    }

    record Unauthorized(String reason) implements GatewayError {
        public ResponseType type() {
            return ResponseType.UNAUTHORIZED;
        }

        public Optional<String> message() {
            return Optional.of("Unauthorized");
        }
    }

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

    record AuthorizerConfigurationError(String reason) implements GatewayError {
        public ResponseType type() {
            return ResponseType.AUTHORIZER_CONFIGURATION_ERROR;
        }

        public Optional<String> message() {
            return Optional.empty();
        }
    }

    record ApiConfigurationError(String reason) implements GatewayError {
        public ResponseType type() {
            return ResponseType.API_CONFIGURATION_ERROR;
        }

        public Optional<String> message() {
            return Optional.of("Internal server error");
        }
    }

    record IntegrationFailure(String reason) implements GatewayError {
        public ResponseType type() {
            return ResponseType.INTEGRATION_FAILURE;
        }

        public Optional<String> message() {
            return Optional.of("Internal server error");
        }
    }

    record IntegrationTimeout(String reason) implements GatewayError {
        public ResponseType type() {
            return ResponseType.INTEGRATION_TIMEOUT;
        }

        public Optional<String> message() {
            return Optional.of("Endpoint request timed out");
        }
    }

    /** An AWS_PROXY function failed or answered malformed output: 502 (docs/aws.md#aws-proxy). */
    record LambdaProxyFailure(String reason) implements GatewayError {
        public ResponseType type() {
            return ResponseType.DEFAULT_5XX;
        }

        public Optional<String> message() {
            return Optional.of("Internal server error");
        }

        @Override
        public Optional<Integer> status() {
            return Optional.of(502);
        }
    }

    record UnsupportedMediaType(String reason) implements GatewayError {
        public ResponseType type() {
            return ResponseType.UNSUPPORTED_MEDIA_TYPE;
        }

        public Optional<String> message() {
            return Optional.of("Unsupported Media Type");
        }
    }

    record RequestTooLarge(String reason) implements GatewayError {
        public ResponseType type() {
            return ResponseType.REQUEST_TOO_LARGE;
        }

        public Optional<String> message() {
            return Optional.of("Request Too Long");
        }
    }

    /** A query string with a malformed percent-escape: refused before routing, never guessed at. */
    record BadRequestParameters(String reason) implements GatewayError {
        public ResponseType type() {
            return ResponseType.BAD_REQUEST_PARAMETERS;
        }

        public Optional<String> message() {
            return Optional.of("Invalid query string");
        }
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
