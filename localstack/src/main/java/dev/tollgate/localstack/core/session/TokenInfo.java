package dev.tollgate.localstack.core.session;

/** A minted token with its expiry and creation time in epoch milliseconds. */
public record TokenInfo(String token, long expiry, long createdTime) {
}
