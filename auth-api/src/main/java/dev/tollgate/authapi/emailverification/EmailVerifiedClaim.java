package dev.tollgate.authapi.emailverification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tollgate.authapi.http.Json;

/**
 * The {@code st-ev} claim that node's email-verification recipe keeps in every access token:
 * {@code {"st-ev": {"v": <verified>, "t": <fetched at, ms>}}} (spec D.1). The authorizer's
 * {@code st-ev} validator and the frontend's {@code EmailVerificationClaim} read it.
 */
public final class EmailVerifiedClaim {

    public static final String KEY = "st-ev";

    private EmailVerifiedClaim() {
    }

    public static ObjectNode value(boolean verified, long fetchedAtMillis) {
        return Json.object().put("v", verified).put("t", fetchedAtMillis);
    }

    /** Adds or replaces the claim in a payload under construction. */
    public static ObjectNode putInto(ObjectNode payload, boolean verified, long fetchedAtMillis) {
        payload.set(KEY, value(verified, fetchedAtMillis));
        return payload;
    }

    /** The value the payload holds: TRUE, FALSE, or null when the claim is absent or malformed. */
    public static Boolean read(JsonNode payload) {
        JsonNode v = payload.path(KEY).path("v");
        return v.isBoolean() ? v.booleanValue() : null;
    }
}
