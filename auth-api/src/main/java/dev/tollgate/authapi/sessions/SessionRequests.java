package dev.tollgate.authapi.sessions;

import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.SessionVerifier;
import dev.tollgate.session.verify.VerificationFailed;
import dev.tollgate.session.verify.VerificationResult;
import dev.tollgate.session.verify.VerifiedSession;
import dev.tollgate.session.verify.VerifyOptions;
import java.util.Optional;

/**
 * Reads the session of a request with the session library's verifier (node's {@code getSession}); a
 * session error ends the request with the answer node gives, tokens cleared where node clears them.
 */
public final class SessionRequests {

    private final SessionVerifier verifier;
    private final TokenWriter writer;

    public SessionRequests(SessionVerifier verifier, TokenWriter writer) {
        this.verifier = verifier;
        this.writer = writer;
    }

    public static Headers headers(ApiRequest request) {
        return Headers.ofMulti(request.headers());
    }

    /** The session, or the request ends (401 / 403 / 500) through {@link ApiException.SessionRejected}. */
    public VerifiedSession require(ApiRequest request) {
        return find(request, VerifyOptions.required())
                .orElseThrow(
                        () -> new IllegalStateException("the verifier returned no session although one was required"));
    }

    /** The session if the request carries one; a broken or expired one still ends the request. */
    public Optional<VerifiedSession> optional(ApiRequest request) {
        return find(request, VerifyOptions.optional());
    }

    private Optional<VerifiedSession> find(ApiRequest request, VerifyOptions options) {
        VerificationResult result = verifier.verify(request.method(), headers(request), options);
        if (result instanceof VerifiedSession session) {
            return Optional.of(session);
        }
        if (result instanceof VerificationFailed failed) {
            throw rejection(failed.error());
        }
        return Optional.empty();
    }

    /** The exception that answers {@code error}, clearing tokens in every transfer method where node does. */
    public ApiException.SessionRejected rejection(SessionError error) {
        boolean clear = error instanceof SessionError.TokenTheftDetected
                || (error instanceof SessionError.Unauthorised unauthorised && unauthorised.clearTokens());
        return new ApiException.SessionRejected(
                error, clear ? writer.clearedTokensInAllMethods() : ResponseTokens.NONE);
    }
}
