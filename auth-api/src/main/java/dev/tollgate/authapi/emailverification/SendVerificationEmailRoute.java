package dev.tollgate.authapi.emailverification;

import dev.tollgate.authapi.email.EmailSender;
import dev.tollgate.authapi.email.VerificationEmail;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.routing.Route;
import dev.tollgate.authapi.sessions.CoreCalls;
import dev.tollgate.authapi.sessions.SessionRequests;
import dev.tollgate.authapi.sessions.TokenResponses;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.verify.VerifiedSession;
import java.util.Optional;

/**
 * {@code POST /user/email/verify/token}: creates a verification token for the session user's email and
 * sends the link. An email that is already verified gets {@code EMAIL_ALREADY_VERIFIED_ERROR} and the
 * session's {@code st-ev} is brought up to date, as node does.
 */
public final class SendVerificationEmailRoute implements Route {

    private final CoreClient core;
    private final SessionRequests sessions;
    private final SessionEmails emails;
    private final ClaimUpdater claims;
    private final EmailSender sender;
    private final String websiteOrigin;

    public SendVerificationEmailRoute(
            CoreClient core, SessionRequests sessions, ClaimUpdater claims, EmailSender sender, String websiteOrigin) {
        this.core = core;
        this.sessions = sessions;
        this.emails = new SessionEmails(core, sessions);
        this.claims = claims;
        this.sender = sender;
        this.websiteOrigin = websiteOrigin;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        VerifiedSession session = sessions.require(request);
        ApiResponse response = ApiResponse.json(200, "").userId(session.userId());
        Optional<String> email = emails.of(session);
        if (email.isEmpty()) {
            // node counts a login method without an email as verified and always writes the claim
            return alreadyVerified(session, response);
        }
        CoreResults.EmailVerificationToken result = CoreCalls.call(
                "create an email verification token",
                () -> core.createEmailVerificationToken(session.tenantId(), session.recipeUserId(), email.get()));
        if (result instanceof CoreResults.EmailAlreadyVerified) {
            if (Claims.EMAIL_VERIFIED.read(session.accessTokenPayload()).orElse(false)) {
                // The session already says so: node regenerates nothing, so no new token either.
                TokenResponses.apply(response, session.responseTokens());
                response.body(Json.status("EMAIL_ALREADY_VERIFIED_ERROR"));
                return response;
            }
            return alreadyVerified(session, response);
        }
        String token = ((CoreResults.EmailVerificationTokenOk) result).token();
        if (Claims.EMAIL_VERIFIED.read(session.accessTokenPayload()).orElse(true)) {
            // The email was un-verified elsewhere, or the claim is missing: make the session say so.
            claims.setEmailVerified(session, false, response);
        } else {
            TokenResponses.apply(response, session.responseTokens());
        }
        sender.send(VerificationEmail.forToken(email.get(), websiteOrigin, token));
        response.body(Json.status("OK"));
        return response;
    }

    private ApiResponse alreadyVerified(VerifiedSession session, ApiResponse response) {
        claims.setEmailVerified(session, true, response);
        response.body(Json.status("EMAIL_ALREADY_VERIFIED_ERROR"));
        return response;
    }
}
