package dev.tollgate.session.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;

/**
 * A claim stored as {@code {"v": ["a", "b"], "t": <ms>}} (node's PrimitiveArrayClaim), e.g. roles and
 * permissions. Validators and reason keys follow node exactly, including {@code includesAny}'s quirk of
 * reporting {@code expectedToNotInclude} when the value is missing.
 */
public final class PrimitiveArrayClaim {
    private final String key;

    public PrimitiveArrayClaim(String key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public String key() {
        return key;
    }

    /** Writes {@code {"v": [values], "t": fetchedAtMillis}} under the claim's key (node's {@code addToPayload_internal}). */
    public ObjectNode putInto(ObjectNode payload, List<String> values, long fetchedAtMillis) {
        ObjectNode claim = payload.putObject(key);
        claim.set("v", array(values));
        claim.put("t", fetchedAtMillis);
        return payload;
    }

    /** The value must contain {@code value}. */
    public ClaimValidator includes(String value) {
        return includes(value, null);
    }

    public ClaimValidator includes(String value, Long maxAgeInSeconds) {
        return validator(
                "expectedToInclude",
                TextNode.valueOf(value),
                "expectedToInclude",
                maxAgeInSeconds,
                PrimitiveArrayClaim::contains);
    }

    /** The value must not contain {@code value}. */
    public ClaimValidator excludes(String value) {
        return excludes(value, null);
    }

    public ClaimValidator excludes(String value, Long maxAgeInSeconds) {
        return validator(
                "expectedToNotInclude",
                TextNode.valueOf(value),
                "expectedToNotInclude",
                maxAgeInSeconds,
                (actual, expected) -> !contains(actual, expected));
    }

    /** The value must contain every one of {@code values}. */
    public ClaimValidator includesAll(List<String> values) {
        return includesAll(values, null);
    }

    public ClaimValidator includesAll(List<String> values, Long maxAgeInSeconds) {
        return validator(
                "expectedToInclude",
                array(values),
                "expectedToInclude",
                maxAgeInSeconds,
                PrimitiveArrayClaim::containsAll);
    }

    /** The value must contain at least one of {@code values}. */
    public ClaimValidator includesAny(List<String> values) {
        return includesAny(values, null);
    }

    public ClaimValidator includesAny(List<String> values, Long maxAgeInSeconds) {
        return validator(
                "expectedToNotInclude",
                array(values),
                "expectedToIncludeAtLeastOneOf",
                maxAgeInSeconds,
                PrimitiveArrayClaim::containsAny);
    }

    /** The value must contain none of {@code values}. */
    public ClaimValidator excludesAll(List<String> values) {
        return excludesAll(values, null);
    }

    public ClaimValidator excludesAll(List<String> values, Long maxAgeInSeconds) {
        return validator(
                "expectedToNotInclude",
                array(values),
                "expectedToNotInclude",
                maxAgeInSeconds,
                (actual, expected) -> !containsAny(actual, expected));
    }

    /** A validator of the claim's value against {@code expected}, which is also what a failure reports. */
    private ClaimValidator validator(
            String missingKey,
            JsonNode expected,
            String wrongKey,
            Long maxAgeInSeconds,
            BiPredicate<JsonNode, JsonNode> accepts) {
        return new ValueValidator(
                key, missingKey, expected, wrongKey, maxAgeInSeconds, actual -> accepts.test(actual, expected));
    }

    /** JavaScript's {@code Array.prototype.includes}; a non-array value contains nothing. */
    private static boolean contains(JsonNode actual, JsonNode value) {
        if (!actual.isArray()) {
            return false;
        }
        for (JsonNode element : actual) {
            if (element.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAll(JsonNode actual, JsonNode values) {
        for (JsonNode v : values) {
            if (!contains(actual, v)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(JsonNode actual, JsonNode values) {
        for (JsonNode v : values) {
            if (contains(actual, v)) {
                return true;
            }
        }
        return false;
    }

    private static ArrayNode array(List<String> values) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode(values.size());
        values.forEach(a::add);
        return a;
    }
}
