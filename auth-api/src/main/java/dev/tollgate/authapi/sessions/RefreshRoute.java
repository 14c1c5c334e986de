package dev.tollgate.authapi.sessions;

import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.routing.Route;
import dev.tollgate.session.refresh.RefreshCoreException;
import dev.tollgate.session.refresh.RefreshResult;
import dev.tollgate.session.refresh.SessionRefresher;

/**
 * {@code POST /session/refresh} (docs/supertokens.md#refresh): the session library's refresher decides, this route turns its
 * answer into the auth API's responses.
 */
public final class RefreshRoute implements Route {

    private final SessionRefresher refresher;

    public RefreshRoute(SessionRefresher refresher) {
        this.refresher = refresher;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        RefreshResult result = refresh(request);
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

    private RefreshResult refresh(ApiRequest request) {
        try {
            return refresher.refresh(SessionRequests.headers(request));
        } catch (RefreshCoreException e) {
            String operation = e.call() == RefreshCoreException.Call.REFRESH
                    ? "refresh session"
                    : "revoke session after token theft";
            throw new ApiException.CoreFailure(operation, e.getCause());
        }
    }
}
