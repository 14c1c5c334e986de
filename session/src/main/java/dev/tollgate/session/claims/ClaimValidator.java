package dev.tollgate.session.claims;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * One check on a verified access-token payload (docs/supertokens.md#claim-validators). Validators only read the payload: Tollgate
 * never refetches a claim from the core (docs/supertokens.md#claim-validation, a deliberate difference documented in the README).
 */
public interface ClaimValidator {

    /** The id reported in {@code claimValidationErrors}; by default the claim's payload key. */
    String id();

    /**
     * Checks the payload.
     *
     * @param payload the verified access-token payload (read-only)
     * @param nowMillis the current time, for age checks
     * @return empty when valid, else the {@code reason} object of the error entry (docs/supertokens.md#claim-validators)
     */
    Optional<ObjectNode> validate(ObjectNode payload, long nowMillis);

    /**
     * A custom validator: {@code check} returns empty when valid, else the reason object.
     */
    static ClaimValidator custom(String id, BiFunction<ObjectNode, Long, Optional<ObjectNode>> check) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(check, "check");
        return new ClaimValidator() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Optional<ObjectNode> validate(ObjectNode payload, long nowMillis) {
                return check.apply(payload, nowMillis);
            }
        };
    }
}
