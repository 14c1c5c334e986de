package dev.tollgate.session.verify;

/**
 * The outcome of {@link SessionVerifier#verify}: {@link NoSession}, a {@link VerifiedSession}, or
 * {@link VerificationFailed} with one of the {@link dev.tollgate.session.error.SessionError.VerifyError}s.
 */
public sealed interface VerificationResult permits NoSession, VerifiedSession, VerificationFailed {}
