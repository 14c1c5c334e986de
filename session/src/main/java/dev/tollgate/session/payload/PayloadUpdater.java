package dev.tollgate.session.payload;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreException;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.VerifiedSession;
import java.time.Clock;
import java.util.List;

/**
 * Node's {@code mergeIntoAccessTokenPayload} for a verified session (docs/supertokens.md#claim-validation): the core
 * regenerates the access token with the changed claims, and the new token travels back at once, with a
 * new {@code front-token}, so the frontend sees the change without waiting for a refresh. Thread-safe.
 */
public final class PayloadUpdater {

    /**
     * Claims the core owns (node's {@code protectedProps}): the core refuses them as custom claims, and
     * writes its own values into every token it mints.
     */
    public static final List<String> PROTECTED_CLAIMS = List.of(
            "sub",
            "iat",
            "exp",
            "sessionHandle",
            "parentRefreshTokenHash1",
            "refreshTokenHash1",
            "antiCsrfToken",
            "rsub",
            "tId",
            "stt");

    private final CoreClient core;
    private final TokenWriter writer;
    private final Clock clock;

    public PayloadUpdater(CoreClient core, TokenWriter writer, Clock clock) {
        this.core = core;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Applies {@code change} to the session's custom claims and stores them in the core.
     *
     * @throws CoreException when the core cannot be used (a server-side failure, never the user's 401)
     */
    public PayloadUpdate update(VerifiedSession session, PayloadChange change) throws CoreException {
        ObjectNode payload = session.accessTokenPayload().deepCopy();
        payload.remove(PROTECTED_CLAIMS);
        long now = clock.millis();
        change.applyTo(payload, now);
        CoreResults.RegenerateSession answer = core.regenerateSession(session.accessToken(), payload);
        if (answer instanceof CoreResults.RegenerateUnauthorised) {
            return new PayloadUpdate.Rejected(
                    new SessionError.Unauthorised(true, "session_revoked"), writer.clearedTokensInAllMethods());
        }
        CoreResults.RegenerateOk ok = (CoreResults.RegenerateOk) answer;
        ResponseTokens tokens = session.responseTokens();
        if (ok.accessToken() != null) {
            tokens = tokens.followedBy(writer.sessionTokens(
                    session.transferMethod(), session.userId(), ok.accessToken(), null, null, now));
        }
        return new PayloadUpdate.Updated(tokens);
    }
}
