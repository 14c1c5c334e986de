package dev.tollgate.localstack.core.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The core's access-token signing keys (core 11 {@code SigningKeys}): dynamic keys rotate on the
 * update interval; a new key is created {@code overlap} before the current one is due and only
 * signs once it has been published that long; a key stays verifiable (and in the JWKS) for
 * {@code interval + 2 × access-token validity}. One static key, never rotated. Maintenance happens
 * lazily on each call, against the configured clock, so tests move time instead of waiting.
 */
public final class SigningKeys {

    private final Clock clock;
    private final long intervalMs;
    private final long overlapMs;
    private final long verifiableMs;
    private final CoreSigningKey staticKey;
    /** Newest first. Guarded by {@code this}. */
    private final List<CoreSigningKey> dynamicKeys = new ArrayList<>();

    public SigningKeys(Clock clock, Duration interval, Duration overlap, Duration accessTokenValidity) {
        this.clock = clock;
        this.intervalMs = interval.toMillis();
        this.overlapMs = overlap.toMillis();
        this.verifiableMs = intervalMs + 2 * accessTokenValidity.toMillis();
        this.staticKey = new CoreSigningKey("s-" + UUID.randomUUID(), generate(), clock.millis());
        maintain(clock.millis());
    }

    /** The key new tokens are signed with. */
    public synchronized CoreSigningKey signingKey(boolean useStaticKey) {
        if (useStaticKey) {
            return staticKey;
        }
        long now = clock.millis();
        maintain(now);
        CoreSigningKey newest = dynamicKeys.get(0);
        if (now - newest.createdAtMs() < overlapMs && dynamicKeys.size() > 1) {
            CoreSigningKey previous = dynamicKeys.get(1);
            if (previous.createdAtMs() + intervalMs > now) {
                return previous;
            }
        }
        return newest;
    }

    /** A key that may still verify tokens, by kid. */
    public synchronized Optional<CoreSigningKey> find(String kid) {
        if (staticKey.kid().equals(kid)) {
            return Optional.of(staticKey);
        }
        maintain(clock.millis());
        return dynamicKeys.stream().filter(key -> key.kid().equals(kid)).findFirst();
    }

    /** Every verifiable key, dynamic (newest first) then static, as the core lists them. */
    public synchronized List<Map<String, String>> jwks() {
        maintain(clock.millis());
        List<Map<String, String>> keys = new ArrayList<>();
        dynamicKeys.forEach(key -> keys.add(key.jwk()));
        keys.add(staticKey.jwk());
        return keys;
    }

    /** Seconds until the next dynamic key is due, at least 1 ({@code getCacheDurationInSeconds}). */
    public synchronized long cacheDurationSeconds() {
        long now = clock.millis();
        maintain(now);
        long left = (dynamicKeys.get(0).createdAtMs() + intervalMs - overlapMs - now) / 1000;
        return Math.max(left, 1);
    }

    private void maintain(long now) {
        dynamicKeys.removeIf(key -> key.createdAtMs() + verifiableMs < now);
        boolean due = dynamicKeys.isEmpty() || dynamicKeys.get(0).createdAtMs() + intervalMs - overlapMs <= now;
        if (due) {
            dynamicKeys.add(0, new CoreSigningKey("d-" + now, generate(), now));
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }
}
