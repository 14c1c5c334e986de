package dev.tollgate.session.verify;

/**
 * The outcome of {@link SessionVerifier#verify}: {@link NoSession}, a {@link VerifiedSession}, or one of
 * the {@link SessionError}s. Map errors to responses with {@link ErrorResponses#of(SessionError)}.
 */
public sealed interface VerificationResult permits NoSession, VerifiedSession, SessionError {}
