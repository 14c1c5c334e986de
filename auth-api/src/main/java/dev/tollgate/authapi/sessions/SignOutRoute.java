package dev.tollgate.authapi.sessions;

import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.routing.Route;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.VerifiedSession;
import java.util.List;

/**
 * {@code POST /signout} (docs/supertokens.md#sign-out): needs a valid session (an expired one gets 401 try-refresh, and the
 * SDK refreshes and retries), revokes it in the core, clears its tokens, answers {@code {"status":"OK"}}.
 */
public final class SignOutRoute implements Route {

    private final CoreClient core;
    private final TokenWriter writer;
    private final SessionRequests sessions;

    public SignOutRoute(CoreClient core, TokenWriter writer, SessionRequests sessions) {
        this.core = core;
        this.writer = writer;
        this.sessions = sessions;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        VerifiedSession session = sessions.require(request);
        CoreCalls.call("revoke session", () -> core.removeSessions(List.of(session.sessionHandle())));
        ApiResponse response = ApiResponse.json(200, Json.status("OK")).userId(session.userId());
        TokenResponses.apply(response, writer.clearedTokens(session.transferMethod()));
        return response;
    }
}
