package dev.tollgate.session.core;

/**
 * A token as the core returns it: {@code {"token", "expiry", "createdTime"}} (ms since the epoch).
 * Never log {@code token}.
 */
public record TokenInfo(String token, long expiry, long createdTime) {
    @Override
    public String toString() {
        return "TokenInfo[expiry=" + expiry + ", createdTime=" + createdTime + "]";
    }
}
