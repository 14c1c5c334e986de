package dev.tollgate.authapi.emailverification;

import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.sessions.CoreCalls;
import dev.tollgate.authapi.sessions.TokenResponses;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.payload.PayloadUpdate;
import dev.tollgate.session.payload.PayloadUpdater;
import dev.tollgate.session.verify.VerifiedSession;

/**
 * Writes a new {@code st-ev} value into a live session (node's {@code setClaimValue} /
 * {@code fetchAndSetClaim}) with the session library's payload updater, so that the frontend sees the
 * claim change in the same answer.
 */
public final class ClaimUpdater {

    private final PayloadUpdater updater;

    public ClaimUpdater(PayloadUpdater updater) {
        this.updater = updater;
    }

    public void setEmailVerified(VerifiedSession session, boolean verified, ApiResponse response) {
        PayloadUpdate update = CoreCalls.call(
                "update the session's claims",
                () -> updater.update(session, (payload, now) -> Claims.EMAIL_VERIFIED.putInto(payload, verified, now)));
        if (update instanceof PayloadUpdate.Rejected rejected) {
            throw new ApiException.SessionRejected(rejected.error(), rejected.responseTokens());
        }
        TokenResponses.apply(response, ((PayloadUpdate.Updated) update).responseTokens());
    }
}
