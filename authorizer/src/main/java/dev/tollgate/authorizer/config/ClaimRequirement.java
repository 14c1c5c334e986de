package dev.tollgate.authorizer.config;

/** One claim a route requires, as written in {@code REQUIRED_CLAIMS}. */
public sealed interface ClaimRequirement {

    /** {@code st-ev}: the email-verification claim must be {@code true}. */
    record EmailVerified() implements ClaimRequirement {
        @Override
        public String toString() {
            return "st-ev";
        }
    }

    /** {@code st-role:<role>}: the roles claim must include the role. */
    record HasRole(String role) implements ClaimRequirement {
        @Override
        public String toString() {
            return "st-role:" + role;
        }
    }

    /** {@code st-perm:<permission>}: the permissions claim must include the permission. */
    record HasPermission(String permission) implements ClaimRequirement {
        @Override
        public String toString() {
            return "st-perm:" + permission;
        }
    }
}
