package dev.tollgate.authapi.emailverification;

import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.routing.Route;
import dev.tollgate.authapi.sessions.CoreCalls;
import dev.tollgate.authapi.sessions.SessionRequests;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.verify.VerifiedSession;
import java.util.Optional;

/**
 * {@code GET /user/email/verify}: whether the session user's email is verified. The SDK polls it while
 * the user opens the link, possibly in another browser, so the answer also refreshes {@code st-ev} in the
 * session (node does the same).
 */
public final class IsEmailVerifiedRoute implements Route {

    private final CoreClient core;
    private final SessionRequests sessions;
    private final SessionEmails emails;
    private final ClaimUpdater claims;

    public IsEmailVerifiedRoute(CoreClient core, SessionRequests sessions, ClaimUpdater claims) {
        this.core = core;
        this.sessions = sessions;
        this.emails = new SessionEmails(core, sessions);
        this.claims = claims;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        VerifiedSession session = sessions.require(request);
        ApiResponse response = ApiResponse.json(200, "").userId(session.userId());
        Optional<String> email = emails.of(session);
        // node counts a login method without an email as verified, and writes the claim either way
        boolean verified = email.isEmpty()
                || CoreCalls.call(
                        "check email verification", () -> core.isEmailVerified(session.recipeUserId(), email.get()));
        claims.setEmailVerified(session, verified, response);
        response.body(answer(verified));
        return response;
    }

    private static String answer(boolean verified) {
        return Json.write(Json.object().put("status", "OK").put("isVerified", verified));
    }
}
