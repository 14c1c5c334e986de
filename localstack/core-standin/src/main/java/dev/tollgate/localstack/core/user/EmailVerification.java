package dev.tollgate.localstack.core.user;

import dev.tollgate.localstack.core.crypto.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The email-verification recipe: tokens for a (user id, email) pair valid for a day (the core's
 * {@code email_verification_token_lifetime}), stored only as hashes; consuming one verifies the pair
 * and drops its other tokens.
 */
public final class EmailVerification {

    private static final Duration TOKEN_LIFETIME = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final Set<Pair> verified = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Pending> tokensByHash = new ConcurrentHashMap<>();

    public EmailVerification(Clock clock) {
        this.clock = clock;
    }

    public record Pair(String userId, String email) {}

    private record Pending(Pair pair, long expiresAt) {}

    /** A new token, or empty when the pair is already verified. */
    public Optional<String> createToken(String userId, String email) {
        Pair pair = new Pair(userId, Emails.normalise(email));
        if (verified.contains(pair)) {
            return Optional.empty();
        }
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokensByHash.put(Sha256.hex(token), new Pending(pair, clock.millis() + TOKEN_LIFETIME.toMillis()));
        return Optional.of(token);
    }

    /** The verified pair, or empty for an unknown, used or expired token. */
    public synchronized Optional<Pair> verify(String token) {
        Pending pending = tokensByHash.remove(Sha256.hex(token));
        if (pending == null || pending.expiresAt() < clock.millis()) {
            return Optional.empty();
        }
        tokensByHash.values().removeIf(other -> other.pair().equals(pending.pair()));
        verified.add(pending.pair());
        return Optional.of(pending.pair());
    }

    /** Drops the pair's unused tokens (node's {@code revokeEmailVerificationTokens}). */
    public synchronized void revokeTokens(String userId, String email) {
        Pair pair = new Pair(userId, Emails.normalise(email));
        tokensByHash.values().removeIf(pending -> pending.pair().equals(pair));
    }

    /** Marks the pair unverified again (node's {@code unverifyEmail}). */
    public void unverify(String userId, String email) {
        verified.remove(new Pair(userId, Emails.normalise(email)));
    }

    public boolean isVerified(String userId, String email) {
        return verified.contains(new Pair(userId, Emails.normalise(email)));
    }
}
