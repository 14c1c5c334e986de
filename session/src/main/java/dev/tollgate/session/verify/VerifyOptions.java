package dev.tollgate.session.verify;

import dev.tollgate.session.claims.ClaimValidator;
import java.util.List;

/**
 * Per-call options of {@link SessionVerifier#verify} (node's {@code VerifySessionOptions}).
 *
 * @param sessionRequired when false, "no token" yields {@link NoSession} instead of UNAUTHORISED
 * @param checkDatabase always ask the core ({@code POST /recipe/session/verify}), e.g. to see revocations
 * @param claimValidators validators run on the verified payload; failures give INVALID_CLAIMS
 * @param antiCsrfCheck force the anti-CSRF check on or off; {@code null} = on for every method but GET
 */
public record VerifyOptions(
        boolean sessionRequired, boolean checkDatabase, List<ClaimValidator> claimValidators, Boolean antiCsrfCheck) {

    public VerifyOptions {
        claimValidators = List.copyOf(claimValidators);
    }

    /** Session required, no database check, no claim validators. */
    public static VerifyOptions required() {
        return new VerifyOptions(true, false, List.of(), null);
    }

    /** Session optional (the authorizer's mode), no database check, no claim validators. */
    public static VerifyOptions optional() {
        return new VerifyOptions(false, false, List.of(), null);
    }

    public VerifyOptions withCheckDatabase(boolean check) {
        return new VerifyOptions(sessionRequired, check, claimValidators, antiCsrfCheck);
    }

    public VerifyOptions withClaimValidators(List<ClaimValidator> validators) {
        return new VerifyOptions(sessionRequired, checkDatabase, validators, antiCsrfCheck);
    }

    public VerifyOptions withAntiCsrfCheck(Boolean check) {
        return new VerifyOptions(sessionRequired, checkDatabase, claimValidators, check);
    }
}
