package dev.tollgate.session.error;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.claims.ClaimValidationError;
import dev.tollgate.session.internal.json.SessionJson;

/** The one place where session errors become statuses and bodies (docs/supertokens.md#outcomes). */
public final class ErrorResponses {
    public static final int SESSION_EXPIRED_STATUS = 401;
    public static final int INVALID_CLAIM_STATUS = 403;
    public static final int CORE_UNAVAILABLE_STATUS = 503;

    public static final String TRY_REFRESH_BODY = "{\"message\":\"try refresh token\"}";
    public static final String UNAUTHORISED_BODY = "{\"message\":\"unauthorised\"}";
    public static final String TOKEN_THEFT_BODY = "{\"message\":\"token theft detected\"}";
    public static final String CORE_UNAVAILABLE_BODY = "{\"message\":\"session service unavailable\"}";

    private ErrorResponses() {}

    /** Status, body and whether to clear tokens for an error. */
    public static ErrorResponse of(SessionError error) {
        if (error instanceof SessionError.TryRefreshToken) {
            return new ErrorResponse(SESSION_EXPIRED_STATUS, TRY_REFRESH_BODY, false);
        }
        if (error instanceof SessionError.Unauthorised u) {
            return new ErrorResponse(SESSION_EXPIRED_STATUS, UNAUTHORISED_BODY, u.clearTokens());
        }
        if (error instanceof SessionError.InvalidClaims c) {
            return new ErrorResponse(INVALID_CLAIM_STATUS, invalidClaimBody(c), false);
        }
        if (error instanceof SessionError.TokenTheftDetected) {
            return new ErrorResponse(SESSION_EXPIRED_STATUS, TOKEN_THEFT_BODY, true);
        }
        if (error instanceof SessionError.CoreUnavailable) {
            return new ErrorResponse(CORE_UNAVAILABLE_STATUS, CORE_UNAVAILABLE_BODY, false);
        }
        throw new IllegalArgumentException(
                "unknown session error " + error.getClass().getName());
    }

    /** {@code {"message":"invalid claim","claimValidationErrors":[{"id":..,"reason":{..}}, ..]}}. */
    public static String invalidClaimBody(SessionError.InvalidClaims error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("message", "invalid claim");
        ArrayNode list = body.putArray("claimValidationErrors");
        for (ClaimValidationError e : error.errors()) {
            ObjectNode entry = list.addObject();
            entry.put("id", e.id());
            entry.set("reason", e.reason());
        }
        return SessionJson.write(body);
    }
}
