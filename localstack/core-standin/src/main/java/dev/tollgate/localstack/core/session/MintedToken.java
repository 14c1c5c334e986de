package dev.tollgate.localstack.core.session;

/** A minted token with its expiry and creation time in epoch milliseconds. */
public record MintedToken(String token, long expiry, long createdTime) {

    /** Tokens are secrets: never printed, whoever logs this record. */
    @Override
    public String toString() {
        return "MintedToken[token=<redacted>, expiry=" + expiry + ", createdTime=" + createdTime + "]";
    }
}
