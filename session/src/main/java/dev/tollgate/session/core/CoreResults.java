package dev.tollgate.session.core;

/**
 * The semantic outcomes of CDI calls. The core answers all of them with HTTP 200 and a {@code status}
 * field; each outcome is one record here.
 */
public final class CoreResults {
    private CoreResults() {}

    /** {@code POST /recipe/session/verify}. */
    public sealed interface VerifySession permits VerifyOk, VerifyUnauthorised, VerifyTryRefresh {}

    /**
     * Valid session.
     *
     * @param accessToken a replacement access token, or {@code null} when the core issued none
     */
    public record VerifyOk(SessionInfo session, TokenInfo accessToken) implements VerifySession {}

    /** {@code UNAUTHORISED}: the session is gone (revoked, expired, never existed). */
    public record VerifyUnauthorised(String message) implements VerifySession {}

    /** {@code TRY_REFRESH_TOKEN}: the access token is no good, the refresh token may be. */
    public record VerifyTryRefresh(String message) implements VerifySession {}

    /** {@code POST /recipe/session/refresh}. */
    public sealed interface RefreshSession permits RefreshOk, RefreshUnauthorised, RefreshTokenTheft {}

    /** New tokens. */
    public record RefreshOk(CreatedSession session) implements RefreshSession {}

    /** {@code UNAUTHORISED}: unknown, expired or malformed refresh token. */
    public record RefreshUnauthorised(String message) implements RefreshSession {}

    /** {@code TOKEN_THEFT_DETECTED}: an old refresh token was replayed; the caller must revoke the session. */
    public record RefreshTokenTheft(String sessionHandle, String userId, String recipeUserId)
            implements RefreshSession {}

    /** {@code POST /recipe/session/regenerate}. */
    public sealed interface RegenerateSession permits RegenerateOk, RegenerateUnauthorised {}

    /** @param accessToken the new access token, or {@code null} if the input token had expired */
    public record RegenerateOk(SessionInfo session, TokenInfo accessToken) implements RegenerateSession {}

    public record RegenerateUnauthorised(String message) implements RegenerateSession {}

    /** {@code POST /public/recipe/signup}. */
    public sealed interface SignUp permits SignUpOk, EmailAlreadyExists {}

    public record SignUpOk(CoreUser user, String recipeUserId) implements SignUp {}

    public record EmailAlreadyExists() implements SignUp {}

    /** {@code POST /public/recipe/signin}. */
    public sealed interface SignIn permits SignInOk, WrongCredentials {}

    public record SignInOk(CoreUser user, String recipeUserId) implements SignIn {}

    public record WrongCredentials() implements SignIn {}

    /** {@code POST /public/recipe/user/email/verify/token}. */
    public sealed interface EmailVerificationToken permits EmailVerificationTokenOk, EmailAlreadyVerified {}

    /** @param token the verification token (secret: never log it) */
    public record EmailVerificationTokenOk(String token) implements EmailVerificationToken {
        @Override
        public String toString() {
            return "EmailVerificationTokenOk[]";
        }
    }

    public record EmailAlreadyVerified() implements EmailVerificationToken {}

    /** {@code POST /public/recipe/user/email/verify}. */
    public sealed interface VerifyEmail permits VerifyEmailOk, InvalidEmailVerificationToken {}

    public record VerifyEmailOk(String recipeUserId, String email) implements VerifyEmail {}

    public record InvalidEmailVerificationToken() implements VerifyEmail {}
}
