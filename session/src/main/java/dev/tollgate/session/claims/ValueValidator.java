package dev.tollgate.session.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one order every node primitive validator checks in: the value is missing, then it is too old,
 * then it is wrong. Only the reason keys and the final test differ between claim types.
 *
 * @param id              the claim's payload key, reported as the error's id
 * @param missingKey      the reason key that carries {@code expected} when the value is missing
 * @param expected        what the validator wanted, as node reports it
 * @param wrongKey        the reason key that carries {@code expected} when the value is wrong
 * @param maxAgeInSeconds maximum age of the claim's {@code t}, or {@code null} for none
 * @param accepts         the final test on a present, young-enough value
 */
record ValueValidator(
        String id,
        String missingKey,
        JsonNode expected,
        String wrongKey,
        Long maxAgeInSeconds,
        Predicate<JsonNode> accepts)
        implements ClaimValidator {

    @Override
    public Optional<ObjectNode> validate(ObjectNode payload, long nowMillis) {
        JsonNode actual = ClaimReasons.value(payload, id);
        if (actual == null) {
            return ClaimReasons.reason("value does not exist", missingKey, expected, null);
        }
        Optional<ObjectNode> tooOld = ClaimReasons.checkAge(payload, id, maxAgeInSeconds, nowMillis);
        if (tooOld.isPresent()) {
            return tooOld;
        }
        return accepts.test(actual) ? Optional.empty() : ClaimReasons.reason("wrong value", wrongKey, expected, actual);
    }
}
