package dev.tollgate.session.verify;

/**
 * No access token (or none that parses as a SuperTokens token) was sent and the session was optional.
 */
public record NoSession() implements VerificationResult {
    public static final NoSession INSTANCE = new NoSession();
}
