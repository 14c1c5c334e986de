package dev.tollgate.session.claims;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** The built-in SuperTokens claims (docs/supertokens.md#claims) and their usual validators. */
public final class Claims {
    /** {@code st-ev}: email verified (EmailVerification recipe). */
    public static final BooleanClaim EMAIL_VERIFIED = new BooleanClaim("st-ev");
    /** {@code st-role}: role names (UserRoles recipe). */
    public static final PrimitiveArrayClaim ROLES = new PrimitiveArrayClaim("st-role");
    /** {@code st-perm}: permissions of all roles (UserRoles recipe). */
    public static final PrimitiveArrayClaim PERMISSIONS = new PrimitiveArrayClaim("st-perm");

    private Claims() {}

    /**
     * {@code EmailVerificationClaim.validators.isVerified()}: {@code st-ev} must be {@code true}.
     * Node would refetch a missing or stale {@code false} value from the core first; Tollgate validates
     * the token as it is and lets the frontend refresh (README, differences).
     */
    public static ClaimValidator emailVerified() {
        return emailVerified(null);
    }

    /** {@link #emailVerified()} with a maximum claim age in seconds ({@code null} for none). */
    public static ClaimValidator emailVerified(Long maxAgeInSeconds) {
        return EMAIL_VERIFIED.hasValue(true, maxAgeInSeconds);
    }

    /** {@code st-role} must include {@code role}. */
    public static ClaimValidator hasRole(String role) {
        return ROLES.includes(role);
    }

    /** {@code st-perm} must include {@code permission}. */
    public static ClaimValidator hasPermission(String permission) {
        return PERMISSIONS.includes(permission);
    }

    /** Whether the payload says the email is verified (convenience for adapters). */
    public static boolean isEmailVerified(ObjectNode payload) {
        JsonNode v = ClaimReasons.value(payload, EMAIL_VERIFIED.key());
        return BooleanNode.TRUE.equals(v);
    }

    /** Runs a validator and returns its error entry, if any. */
    public static Optional<ClaimValidationError> check(ClaimValidator validator, ObjectNode payload, long nowMillis) {
        return validator.validate(payload, nowMillis).map(reason -> new ClaimValidationError(validator.id(), reason));
    }
}
