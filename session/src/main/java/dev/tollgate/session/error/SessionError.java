package dev.tollgate.session.error;

import dev.tollgate.session.claims.ClaimValidationError;
import java.util.List;

/**
 * One type per protocol outcome that is not a session (docs/supertokens.md#outcomes). {@code reason} is a short code for
 * logs and never contains token material. Statuses and bodies live in {@link ErrorResponses}.
 *
 * <p>Split by who can produce them: a {@link VerifyError} comes from the verifier, a {@link RefreshError}
 * from the refresh API. {@link Unauthorised} is both; {@link TokenTheftDetected} is a refresh outcome
 * only, so a verifier's result cannot hold it.
 */
public sealed interface SessionError permits SessionError.VerifyError, SessionError.RefreshError {

    /** A short, log-safe code saying why, e.g. {@code expired} or {@code unknown_kid}. */
    String reason();

    /** An outcome of verifying a session. */
    sealed interface VerifyError extends SessionError
            permits TryRefreshToken, Unauthorised, InvalidClaims, CoreUnavailable {}

    /** An outcome of the refresh API (or of a claim update that finds the session gone). */
    sealed interface RefreshError extends SessionError permits Unauthorised, TokenTheftDetected {}

    /** TRY_REFRESH_TOKEN: 401 {@code {"message":"try refresh token"}}; the frontend refreshes and retries. */
    record TryRefreshToken(String reason) implements VerifyError {}

    /**
     * UNAUTHORISED: 401 {@code {"message":"unauthorised"}}.
     *
     * @param clearTokens whether the response clears the session's tokens ({@code false} only when no
     *     token was sent and a session was required)
     */
    record Unauthorised(boolean clearTokens, String reason) implements VerifyError, RefreshError {}

    /** INVALID_CLAIMS: 403 with {@code claimValidationErrors}. */
    record InvalidClaims(List<ClaimValidationError> errors) implements VerifyError {
        public InvalidClaims {
            errors = List.copyOf(errors);
        }

        @Override
        public String reason() {
            return "invalid_claims";
        }
    }

    /** TOKEN_THEFT_DETECTED (refresh only): 401 {@code {"message":"token theft detected"}}, tokens cleared. */
    record TokenTheftDetected(String sessionHandle, String userId, String recipeUserId) implements RefreshError {
        @Override
        public String reason() {
            return "token_theft_detected";
        }
    }

    /**
     * The core (JWKS or CDI) could not be used: a server-side failure, 503, never a client's 401.
     * Node would answer 401 try-refresh for a JWKS outage; see README.
     */
    record CoreUnavailable(String reason) implements VerifyError {}
}
