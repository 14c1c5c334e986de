package dev.tollgate.session.verify;

import dev.tollgate.session.claims.ClaimValidationError;
import java.util.List;

/**
 * One type per protocol outcome that is not a session (docs/supertokens.md#outcomes). {@code reason} is a short code for
 * logs and never contains token material. Statuses and bodies live in {@link ErrorResponses}.
 */
public sealed interface SessionError extends VerificationResult {

    /** A short, log-safe code saying why, e.g. {@code expired} or {@code unknown_kid}. */
    String reason();

    /** TRY_REFRESH_TOKEN: 401 {@code {"message":"try refresh token"}}; the frontend refreshes and retries. */
    record TryRefreshToken(String reason) implements SessionError {}

    /**
     * UNAUTHORISED: 401 {@code {"message":"unauthorised"}}.
     *
     * @param clearTokens whether the response clears the session's tokens ({@code false} only when no
     *     token was sent and a session was required)
     */
    record Unauthorised(boolean clearTokens, String reason) implements SessionError {}

    /** INVALID_CLAIMS: 403 with {@code claimValidationErrors}. */
    record InvalidClaims(List<ClaimValidationError> errors) implements SessionError {
        public InvalidClaims {
            errors = List.copyOf(errors);
        }

        @Override
        public String reason() {
            return "invalid_claims";
        }
    }

    /** TOKEN_THEFT_DETECTED (refresh only): 401 {@code {"message":"token theft detected"}}, tokens cleared. */
    record TokenTheftDetected(String sessionHandle, String userId, String recipeUserId) implements SessionError {
        @Override
        public String reason() {
            return "token_theft_detected";
        }
    }

    /**
     * The core (JWKS or CDI) could not be used: a server-side failure, 503, never a client's 401.
     * Node would answer 401 try-refresh for a JWKS outage; see README.
     */
    record CoreUnavailable(String reason) implements SessionError {}
}
