package dev.tollgate.localstack.core.session;

import java.util.Optional;

/** The answer of create and refresh: session, both tokens and the anti-CSRF token when enabled. */
public record NewTokens(
        IssuedSession session, MintedToken accessToken, MintedToken refreshToken, Optional<String> antiCsrfToken) {}
