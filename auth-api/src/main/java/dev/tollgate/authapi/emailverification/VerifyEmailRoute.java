package dev.tollgate.authapi.emailverification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.routing.Route;
import dev.tollgate.authapi.sessions.CoreCalls;
import dev.tollgate.authapi.sessions.SessionRequests;
import dev.tollgate.authapi.sessions.TokenResponses;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.verify.VerifiedSession;
import java.util.Optional;

/**
 * {@code POST /user/email/verify} with {@code {"method":"token","token":...}}: consumes the token from the
 * emailed link. No session is needed (the link may be opened in another browser); when the request does
 * carry the verified user's session, its {@code st-ev} becomes true in the same answer.
 */
public final class VerifyEmailRoute implements Route {

    private final CoreClient core;
    private final SessionRequests sessions;
    private final ClaimUpdater claims;

    public VerifyEmailRoute(CoreClient core, SessionRequests sessions, ClaimUpdater claims) {
        this.core = core;
        this.sessions = sessions;
        this.claims = claims;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        JsonNode token = Json.bodyObject(request).get("token");
        if (token == null || token.isNull()) {
            throw new ApiException.BadRequest("Please provide the email verification token");
        }
        if (!token.isTextual()) {
            throw new ApiException.BadRequest("The email verification token must be a string");
        }
        Optional<VerifiedSession> session = sessions.optional(request);
        ApiResponse response = ApiResponse.json(200, "");
        session.ifPresent(s -> response.userId(s.userId()));
        CoreResults.VerifyEmail result =
                CoreCalls.call("verify an email", () -> core.verifyEmail("public", token.asText()));
        if (result instanceof CoreResults.InvalidEmailVerificationToken) {
            session.ifPresent(s -> TokenResponses.apply(response, s.responseTokens()));
            response.body(Json.status("EMAIL_VERIFICATION_INVALID_TOKEN_ERROR"));
            return response;
        }
        String verifiedUser = ((CoreResults.VerifyEmailOk) result).recipeUserId();
        if (session.isPresent() && session.get().recipeUserId().equals(verifiedUser)) {
            claims.setEmailVerified(session.get(), true, response);
        } else {
            session.ifPresent(s -> TokenResponses.apply(response, s.responseTokens()));
        }
        response.body(Json.status("OK"));
        return response;
    }
}
