package dev.tollgate.appsync;

/**
 * Who is calling: the {@code x-user-id} request header, which only API Gateway's mapping of the
 * authorizer's principalId can set (docs/aws.md#integration-types). AppSync hands resolvers lower-cased header names
 * (docs/aws.md#appsync-headers), so only the lower-case name is read. A missing, blank or malformed value is refused:
 * the API key alone must never be enough to read anyone's data.
 */
final class Caller {

    static final String USER_HEADER = "x-user-id";
    /** Generous for SuperTokens ids (UUIDs, or external ids) and far below DynamoDB's 2048-byte key limit. */
    static final int MAX_USER_ID_LENGTH = 256;

    /**
     * Set to {@code true} only by API Gateway's integration of {@code POST /admin/graphql}, a route whose
     * authorizer lets a request through only with {@code admin} in the session's {@code st-role} claim
     * (openapi.yaml). API Gateway's HTTP integration forwards no client header unless mapped, so, like
     * {@code x-user-id}, nobody else can set it.
     */
    static final String ADMIN_ROUTE_HEADER = "x-tollgate-admin";

    private Caller() {}

    /** Refuses a call that did not come through the admin route. */
    static void requireAdminRoute(ResolverEvent event) {
        if (!"true".equals(event.headers().get(ADMIN_ROUTE_HEADER))) {
            throw new ResolverError.Unauthorized(event.parentTypeName(), event.fieldName());
        }
    }

    static String userId(ResolverEvent event) {
        Object value = event.headers().get(USER_HEADER);
        if (!(value instanceof String userId)
                || userId.isBlank()
                || userId.length() > MAX_USER_ID_LENGTH
                || !userId.equals(userId.strip())
                || userId.chars().anyMatch(Character::isISOControl)) {
            throw new ResolverError.Unauthorized(event.parentTypeName(), event.fieldName());
        }
        return userId;
    }
}
