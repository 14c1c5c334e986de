package dev.tollgate.authapi.emailverification;

import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.sessions.CoreCalls;
import dev.tollgate.authapi.sessions.SessionRequests;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreUser;
import dev.tollgate.session.core.LoginMethod;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.verify.VerifiedSession;
import java.util.Optional;

/** The email address of a session's login method (node's {@code getEmailForRecipeUserId}). */
final class SessionEmails {

    private final CoreClient core;
    private final SessionRequests sessions;

    SessionEmails(CoreClient core, SessionRequests sessions) {
        this.core = core;
        this.sessions = sessions;
    }

    /** A request's session, which it must have, and that session's email. */
    record SessionEmail(VerifiedSession session, Optional<String> email) {

        /** A 200 for this session's user; the route adds its body and tokens. */
        ApiResponse newResponse() {
            return ApiResponse.json(200, "").userId(session.userId());
        }
    }

    /** The request's session (a missing or invalid one ends the request as usual) and its email. */
    SessionEmail require(ApiRequest request) {
        VerifiedSession session = sessions.require(request);
        return new SessionEmail(session, of(session));
    }

    /**
     * The email, or empty when the login method has none. A user the core does not know ends the
     * request as UNAUTHORISED with cleared tokens, as node does ("Unknown User ID provided").
     */
    Optional<String> of(VerifiedSession session) {
        Optional<CoreUser> user =
                CoreCalls.call("look up the session's user", () -> core.userById(session.recipeUserId()));
        if (user.isEmpty()) {
            throw sessions.rejection(new SessionError.Unauthorised(true, "unknown_user_id"));
        }
        Optional<LoginMethod> method = user.get().loginMethods().stream()
                .filter(m -> session.recipeUserId().equals(m.recipeUserId()))
                .findFirst();
        if (method.isEmpty()) {
            throw sessions.rejection(new SessionError.Unauthorised(true, "unknown_user_id"));
        }
        return Optional.ofNullable(method.get().email());
    }
}
