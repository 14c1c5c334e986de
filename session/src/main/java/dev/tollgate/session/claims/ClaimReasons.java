package dev.tollgate.session.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** Builds reason objects with node's keys and order; an undefined value leaves its key out. */
final class ClaimReasons {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ClaimReasons() {}

    static Optional<ObjectNode> reason(String message, String expectedKey, JsonNode expected, JsonNode actual) {
        ObjectNode r = F.objectNode();
        r.put("message", message);
        r.set(expectedKey, expected);
        if (actual != null) {
            r.set("actualValue", actual);
        }
        return Optional.of(r);
    }

    static Optional<ObjectNode> expired(double ageInSeconds, long maxAgeInSeconds) {
        ObjectNode r = F.objectNode();
        r.put("message", "expired");
        putNumber(r, "ageInSeconds", ageInSeconds);
        r.put("maxAgeInSeconds", maxAgeInSeconds);
        return Optional.of(r);
    }

    /** JavaScript prints 12.0 as 12; so do we. */
    private static void putNumber(ObjectNode r, String key, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            r.put(key, (long) value);
        } else {
            r.put(key, value);
        }
    }

    /** {@code payload[key]?.v}, or null when undefined. JSON null counts as a value, as in JavaScript. */
    static JsonNode value(ObjectNode payload, String key) {
        JsonNode claim = payload.get(key);
        return claim == null || !claim.isObject() ? null : claim.get("v");
    }

    /** {@code payload[key]?.t} as a number, or NaN when not a number. */
    static double fetchedAt(ObjectNode payload, String key) {
        JsonNode claim = payload.get(key);
        JsonNode t = claim == null ? null : claim.get("t");
        return t != null && t.isNumber() ? t.doubleValue() : Double.NaN;
    }

    /** Age check shared by every validator; empty when young enough or no max age. */
    static Optional<ObjectNode> checkAge(ObjectNode payload, String key, Long maxAgeInSeconds, long nowMillis) {
        if (maxAgeInSeconds == null) {
            return Optional.empty();
        }
        double age = (nowMillis - fetchedAt(payload, key)) / 1000.0;
        // NaN (no usable t) compares false in JavaScript too, so such a claim is not "expired".
        if (age > maxAgeInSeconds) {
            return expired(age, maxAgeInSeconds);
        }
        return Optional.empty();
    }
}
