package dev.tollgate.authapi.emailverification;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.sessions.CoreCalls;
import dev.tollgate.authapi.sessions.SessionRequests;
import dev.tollgate.authapi.sessions.TokenResponses;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.SessionError;
import dev.tollgate.session.verify.VerifiedSession;

import java.time.Clock;
import java.util.List;

/**
 * Writes a new {@code st-ev} value into a live session (node's {@code setClaimValue} /
 * {@code fetchAndSetClaim} through {@code mergeIntoAccessTokenPayload}): the core regenerates the access
 * token with the new payload and the response carries it, with a new {@code front-token}, so the
 * frontend sees the claim change at once.
 */
public final class ClaimUpdater {

    /** Claims the core owns; they must not be sent back as custom payload (node's {@code protectedProps}). */
    static final List<String> PROTECTED = List.of("sub", "iat", "exp", "sessionHandle", "parentRefreshTokenHash1",
            "refreshTokenHash1", "antiCsrfToken", "rsub", "tId", "stt");

    private final CoreClient core;
    private final TokenWriter writer;
    private final SessionRequests sessions;
    private final Clock clock;

    public ClaimUpdater(CoreClient core, TokenWriter writer, SessionRequests sessions, Clock clock) {
        this.core = core;
        this.writer = writer;
        this.sessions = sessions;
        this.clock = clock;
    }

    public void setEmailVerified(VerifiedSession session, boolean verified, ApiResponse response) {
        TokenResponses.apply(response, session.responseTokens());
        ObjectNode payload = session.accessTokenPayload().deepCopy();
        payload.remove(PROTECTED);
        long now = clock.millis();
        Claims.EMAIL_VERIFIED.putInto(payload, verified, now);
        CoreResults.RegenerateSession result = CoreCalls.call("update the session's claims",
                () -> core.regenerateSession(session.accessToken(), payload));
        if (result instanceof CoreResults.RegenerateUnauthorised) {
            throw sessions.rejection(new SessionError.Unauthorised(true, "session_revoked"));
        }
        CoreResults.RegenerateOk ok = (CoreResults.RegenerateOk) result;
        // No token means the access token expired meanwhile: the claim is stored and arrives with the next refresh.
        if (ok.accessToken() != null) {
            TokenResponses.apply(response, writer.sessionTokens(session.transferMethod(), session.userId(),
                    ok.accessToken(), null, null, now));
        }
    }
}
