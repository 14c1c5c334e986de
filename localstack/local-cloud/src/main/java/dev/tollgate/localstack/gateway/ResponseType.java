package dev.tollgate.localstack.gateway;

import java.util.Arrays;
import java.util.Optional;

/**
 * Gateway response types with API Gateway's defaults (docs/aws.md#gateway-responses): status, the
 * {@code x-amzn-ErrorType} value and the built-in body template. Only the types this gateway can
 * produce carry an error type; the rest exist so that a definition customising them still loads.
 */
enum ResponseType {
    UNAUTHORIZED(401, "UnauthorizedException"),
    ACCESS_DENIED(403, "AccessDeniedException"),
    AUTHORIZER_CONFIGURATION_ERROR(500, "AuthorizerConfigurationException"),
    AUTHORIZER_FAILURE(500, "AuthorizerFailureException"),
    MISSING_AUTHENTICATION_TOKEN(403, "MissingAuthenticationTokenException"),
    RESOURCE_NOT_FOUND(404, "NotFoundException"),
    API_CONFIGURATION_ERROR(500, "InternalServerErrorException"),
    INTEGRATION_FAILURE(504, "InternalServerErrorException"),
    INTEGRATION_TIMEOUT(504, "InternalServerErrorException"),
    UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaTypeException"),
    REQUEST_TOO_LARGE(413, "RequestTooLargeException"),
    BAD_REQUEST_PARAMETERS(400, "BadRequestException"),
    BAD_REQUEST_BODY(400, "BadRequestException"),
    INVALID_API_KEY(403, "ForbiddenException"),
    THROTTLED(429, "TooManyRequestsException"),
    QUOTA_EXCEEDED(429, "LimitExceededException"),
    EXPIRED_TOKEN(403, "ExpiredTokenException"),
    INVALID_SIGNATURE(403, "InvalidSignatureException"),
    WAF_FILTERED(403, "WAFFilteredException"),
    DEFAULT_4XX(0, ""),
    DEFAULT_5XX(0, "InternalServerErrorException");

    /** The built-in body of every gateway response (docs/aws.md#gateway-templates). */
    static final String DEFAULT_TEMPLATE = "{\"message\":$context.error.messageString}";
    /** ACCESS_DENIED's data plane renders the key with a capital M (docs/aws.md#authorizer-outcomes). */
    static final String ACCESS_DENIED_TEMPLATE = "{\"Message\":$context.error.messageString}";

    private final int defaultStatus;
    private final String errorType;

    ResponseType(int defaultStatus, String errorType) {
        this.defaultStatus = defaultStatus;
        this.errorType = errorType;
    }

    int defaultStatus() {
        return defaultStatus;
    }

    String errorType() {
        return errorType;
    }

    String builtInTemplate() {
        return this == ACCESS_DENIED ? ACCESS_DENIED_TEMPLATE : DEFAULT_TEMPLATE;
    }

    static Optional<ResponseType> byName(String name) {
        return Arrays.stream(values()).filter(t -> t.name().equals(name)).findFirst();
    }
}
