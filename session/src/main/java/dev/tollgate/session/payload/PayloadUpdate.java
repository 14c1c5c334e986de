package dev.tollgate.session.payload;

import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.transfer.ResponseTokens;

/** The outcome of {@link PayloadUpdater#update}. */
public sealed interface PayloadUpdate {

    /**
     * The core stored the new claims. {@code responseTokens} is everything the response must carry for
     * the session: the verifier's replacement token (if any), overridden by the regenerated access token
     * and its {@code front-token} in the session's transfer method. Without a regenerated token (the
     * access token expired meanwhile) the claims arrive with the next refresh.
     */
    record Updated(ResponseTokens responseTokens) implements PayloadUpdate {}

    /**
     * The core no longer knows the session (revoked or expired): answer {@code error} (401 unauthorised)
     * with {@code responseTokens}, which clear the session in every transfer method.
     */
    record Rejected(SessionError.Unauthorised error, ResponseTokens responseTokens) implements PayloadUpdate {}
}
