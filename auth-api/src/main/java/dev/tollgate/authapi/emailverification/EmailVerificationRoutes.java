package dev.tollgate.authapi.emailverification;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.authapi.email.EmailSender;
import dev.tollgate.authapi.email.VerificationEmail;
import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.sessions.CoreCalls;
import dev.tollgate.authapi.sessions.SessionRequests;
import dev.tollgate.authapi.sessions.TokenResponses;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.verify.VerifiedSession;
import java.util.Optional;

/**
 * The email verification recipe's routes (docs/supertokens.md, email verification). They share the core,
 * the session requests and the {@code st-ev} claim; each public method is one route.
 */
public final class EmailVerificationRoutes {

    private final CoreClient core;
    private final SessionRequests sessions;
    private final SessionEmails emails;
    private final ClaimUpdater claims;
    private final EmailSender sender;
    private final String websiteOrigin;

    public EmailVerificationRoutes(
            CoreClient core, SessionRequests sessions, ClaimUpdater claims, EmailSender sender, String websiteOrigin) {
        this.core = core;
        this.sessions = sessions;
        this.emails = new SessionEmails(core, sessions);
        this.claims = claims;
        this.sender = sender;
        this.websiteOrigin = websiteOrigin;
    }

    /**
     * {@code GET /user/email/verify}: whether the session user's email is verified. The SDK polls it while
     * the user opens the link, possibly in another browser, so the answer also refreshes {@code st-ev} in the
     * session (node does the same).
     */
    public ApiResponse isVerified(ApiRequest request) {
        SessionEmails.SessionEmail subject = emails.require(request);
        VerifiedSession session = subject.session();
        ApiResponse response = subject.newResponse();
        // node counts a login method without an email as verified, and writes the claim either way
        boolean verified = subject.email().isEmpty()
                || CoreCalls.call(
                        "check email verification",
                        () -> core.isEmailVerified(
                                session.recipeUserId(), subject.email().get()));
        claims.setEmailVerified(session, verified, response);
        response.body(answer(verified));
        return response;
    }

    private static String answer(boolean verified) {
        return Json.write(Json.object().put("status", "OK").put("isVerified", verified));
    }

    /**
     * {@code POST /user/email/verify} with {@code {"method":"token","token":...}}: consumes the token from the
     * emailed link. No session is needed (the link may be opened in another browser); when the request does
     * carry the verified user's session, its {@code st-ev} becomes true in the same answer.
     */
    public ApiResponse verify(ApiRequest request) {
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

    /**
     * {@code POST /user/email/verify/token}: creates a verification token for the session user's email and
     * sends the link. An email that is already verified gets {@code EMAIL_ALREADY_VERIFIED_ERROR} and the
     * session's {@code st-ev} is brought up to date, as node does.
     */
    public ApiResponse sendToken(ApiRequest request) {
        SessionEmails.SessionEmail subject = emails.require(request);
        VerifiedSession session = subject.session();
        ApiResponse response = subject.newResponse();
        if (subject.email().isEmpty()) {
            // node counts a login method without an email as verified and always writes the claim
            return alreadyVerified(session, response);
        }
        CoreResults.EmailVerificationToken result = CoreCalls.call(
                "create an email verification token",
                () -> core.createEmailVerificationToken(
                        session.tenantId(),
                        session.recipeUserId(),
                        subject.email().get()));
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
        sender.send(VerificationEmail.forToken(subject.email().get(), websiteOrigin, token));
        response.body(Json.status("OK"));
        return response;
    }

    private ApiResponse alreadyVerified(VerifiedSession session, ApiResponse response) {
        claims.setEmailVerified(session, true, response);
        response.body(Json.status("EMAIL_ALREADY_VERIFIED_ERROR"));
        return response;
    }
}
