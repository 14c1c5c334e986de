package dev.tollgate.session.core;

/**
 * A new or refreshed session: the answer of {@code POST /public/recipe/session} and of a successful
 * {@code POST /recipe/session/refresh}.
 *
 * @param antiCsrfToken the anti-CSRF token, or {@code null} when anti-CSRF was not enabled
 */
public record CreatedSession(SessionInfo session, TokenInfo accessToken, TokenInfo refreshToken, String antiCsrfToken) {
    @Override
    public String toString() {
        return "CreatedSession[" + session.handle() + "]";
    }
}
