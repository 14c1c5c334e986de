package dev.tollgate.session.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;

/** A claim stored as {@code {"v": true|false, "t": <ms>}} (node's BooleanClaim). */
public final class BooleanClaim {
    private final String key;

    public BooleanClaim(String key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public String key() {
        return key;
    }

    /** Adds or replaces the claim in a payload as node writes it: {@code {"v": value, "t": fetchedAtMillis}}. */
    public ObjectNode putInto(ObjectNode payload, boolean value, long fetchedAtMillis) {
        payload.putObject(key).put("v", value).put("t", fetchedAtMillis);
        return payload;
    }

    /** The claim's value, or empty when the claim is absent or its {@code v} is not a boolean. */
    public Optional<Boolean> read(ObjectNode payload) {
        JsonNode v = ClaimReasons.value(payload, key);
        return v != null && v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
    }

    /** {@code hasValue(true)}. */
    public ClaimValidator isTrue() {
        return hasValue(true, null);
    }

    /** {@code hasValue(false)}. */
    public ClaimValidator isFalse() {
        return hasValue(false, null);
    }

    /**
     * Node's {@code hasValue(expected, maxAgeInSeconds)}: reasons "value does not exist", "expired",
     * "wrong value" with {@code expectedValue}/{@code actualValue}.
     *
     * @param maxAgeInSeconds maximum age of the claim's {@code t}, or {@code null} for none
     */
    public ClaimValidator hasValue(boolean expected, Long maxAgeInSeconds) {
        JsonNode expectedNode = BooleanNode.valueOf(expected);
        return new ValueValidator(
                key, "expectedValue", expectedNode, "expectedValue", maxAgeInSeconds, expectedNode::equals);
    }
}
