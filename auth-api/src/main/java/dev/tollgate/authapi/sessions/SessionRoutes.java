package dev.tollgate.authapi.sessions;

import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.session.Sessions;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.refresh.RefreshCoreException;
import dev.tollgate.session.refresh.RefreshResult;
import dev.tollgate.session.refresh.SessionRefresher;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.VerifiedSession;
import java.util.List;

/** The session recipe's routes: refresh and sign-out. Each public method is one route. */
public final class SessionRoutes {

    private final SessionRefresher refresher;
    private final CoreClient core;
    private final TokenWriter writer;
    private final SessionRequests sessions;

    /** {@code sessions} answers for requests that need a session; the rest comes from the library. */
    public SessionRoutes(Sessions library, SessionRequests sessions) {
        this.refresher = library.refresher();
        this.core = library.core();
        this.writer = library.tokenWriter();
        this.sessions = sessions;
    }

    /**
     * {@code POST /session/refresh} (docs/supertokens.md#refresh): the session library's refresher decides, this route turns its
     * answer into the auth API's responses.
     */
    public ApiResponse refresh(ApiRequest request) {
        RefreshResult result = outcome(request);
        if (result instanceof RefreshResult.Refreshed refreshed) {
            ApiResponse response = ApiResponse.json(200, "{}");
            TokenResponses.apply(response, refreshed.responseTokens());
            return response.userId(refreshed.userId());
        }
        if (result instanceof RefreshResult.Rejected rejected) {
            throw new ApiException.SessionRejected(rejected.error(), rejected.responseTokens());
        }
        // node throws a plain error (500) unless an older cookie domain is configured. A stale cookie in the
        // browser is not a failure of ours, so this is a 400 that says what to do; the older-cookie-domain
        // clean-up is not implemented.
        throw new ApiException.BadRequest("The request carries more than one sAccessToken or sRefreshToken "
                + "cookie (left over from another cookie domain); clear this site's cookies and sign in again");
    }

    private RefreshResult outcome(ApiRequest request) {
        try {
            return refresher.refresh(SessionRequests.headers(request));
        } catch (RefreshCoreException e) {
            String operation = e.call() == RefreshCoreException.Call.REFRESH
                    ? "refresh session"
                    : "revoke session after token theft";
            throw new ApiException.CoreFailure(operation, e.getCause());
        }
    }

    /**
     * {@code POST /signout} (docs/supertokens.md#sign-out): needs a valid session (an expired one gets 401 try-refresh, and the
     * SDK refreshes and retries), revokes it in the core, clears its tokens, answers {@code {"status":"OK"}}.
     */
    public ApiResponse signOut(ApiRequest request) {
        VerifiedSession session = sessions.require(request);
        CoreCalls.call("revoke session", () -> core.removeSessions(List.of(session.sessionHandle())));
        ApiResponse response = ApiResponse.json(200, Json.status("OK")).userId(session.userId());
        TokenResponses.apply(response, writer.clearedTokens(session.transferMethod()));
        return response;
    }
}
