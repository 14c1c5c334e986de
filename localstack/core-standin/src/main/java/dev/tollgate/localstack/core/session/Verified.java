package dev.tollgate.localstack.core.session;

import java.util.Optional;

/** The answer of verify and regenerate: the session and, when one was minted, a new access token. */
public record Verified(IssuedSession session, Optional<MintedToken> accessToken) {}
