package dev.tollgate.localstack.core.user;

import dev.tollgate.localstack.core.crypto.Sha256;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Password-reset tokens for a (user id, email) pair, valid for an hour (the core's
 * {@code password_reset_token_lifetime}), stored only as hashes. Consuming one drops every other token of
 * the user, as the core does: a reset link that was not used is dead once another one was.
 */
public final class PasswordReset {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;
    private final ConcurrentMap<String, Pending> tokensByHash = new ConcurrentHashMap<>();

    public PasswordReset(Clock clock) {
        this.clock = clock;
    }

    /** Whose password a consumed token resets. */
    public record Owner(String userId, String email) {}

    private record Pending(Owner owner, long expiresAt) {}

    public String createToken(String userId, String email) {
        byte[] bytes = new byte[48];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokensByHash.put(
                Sha256.hex(token),
                new Pending(new Owner(userId, Emails.normalise(email)), clock.millis() + TOKEN_LIFETIME.toMillis()));
        return token;
    }

    /** The token's owner, or empty for an unknown, used or expired token. */
    public synchronized Optional<Owner> consume(String token) {
        Pending pending = tokensByHash.remove(Sha256.hex(token));
        if (pending == null || pending.expiresAt() < clock.millis()) {
            return Optional.empty();
        }
        tokensByHash
                .values()
                .removeIf(other -> other.owner().userId().equals(pending.owner().userId()));
        return Optional.of(pending.owner());
    }
}
