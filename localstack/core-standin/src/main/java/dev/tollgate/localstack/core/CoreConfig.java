package dev.tollgate.localstack.core;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable configuration of the core stand-in, built once at start-up.
 *
 * @param host                 loopback address to bind: 127.0.0.1 or localhost (both bind 127.0.0.1)
 * @param port                 TCP port, 0 for an ephemeral one
 * @param apiKey               when present every protected call must carry it (core {@code api_keys})
 * @param accessTokenValidity  core {@code access_token_validity}
 * @param refreshTokenValidity core {@code refresh_token_validity}
 * @param keyRotationInterval  core {@code access_token_dynamic_signing_key_update_interval}
 * @param antiCsrfEnabled      when false, {@code enableAntiCsrf: true} requests are treated as false
 *                             (no anti-CSRF tokens minted or checked), like a core with anti-CSRF off
 * @param clock                source of time, so tests move time instead of sleeping
 */
public record CoreConfig(
        String host,
        int port,
        Optional<String> apiKey,
        Duration accessTokenValidity,
        Duration refreshTokenValidity,
        Duration keyRotationInterval,
        boolean antiCsrfEnabled,
        Clock clock) {

    /** The core's overlap before a new key signs: a fresh key is published this long before use. */
    static final Duration KEY_OVERLAP = Duration.ofSeconds(60);

    public CoreConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(accessTokenValidity, "accessTokenValidity");
        Objects.requireNonNull(refreshTokenValidity, "refreshTokenValidity");
        Objects.requireNonNull(keyRotationInterval, "keyRotationInterval");
        Objects.requireNonNull(clock, "clock");
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        // a stand-in with no real security is never reachable from the network
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            throw new IllegalArgumentException("host must be 127.0.0.1 or localhost (loopback only), got " + host);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (apiKey.isPresent() && !validApiKey(apiKey.get())) {
            throw new IllegalArgumentException(
                    "api key must be made of a-z, A-Z, 0-9, '=' or '-' (as the core requires)");
        }
        if (accessTokenValidity.toMillis() < 1000 || accessTokenValidity.toSeconds() > 31_536_000L) {
            throw new IllegalArgumentException("access token validity must be between 1 second and 365 days");
        }
        if (refreshTokenValidity.compareTo(accessTokenValidity) <= 0) {
            throw new IllegalArgumentException("refresh token validity must be longer than access token validity");
        }
        if (keyRotationInterval.compareTo(KEY_OVERLAP.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("key rotation interval must be at least 2 minutes");
        }
    }

    /** The core's characters for {@code api_keys}; the core's 20-character minimum is not enforced. */
    static boolean validApiKey(String key) {
        return key.matches("[a-zA-Z0-9=-]+");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults are the core's: 3600 s access tokens, 100 days refresh tokens, keys rotated weekly. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = 0;
        private Optional<String> apiKey = Optional.empty();
        private Duration accessTokenValidity = Duration.ofSeconds(3600);
        private Duration refreshTokenValidity = Duration.ofMinutes(144_000);
        private Duration keyRotationInterval = Duration.ofHours(168);
        private boolean antiCsrfEnabled = true;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        public Builder host(String value) {
            this.host = value;
            return this;
        }

        public Builder port(int value) {
            this.port = value;
            return this;
        }

        public Builder apiKey(String value) {
            this.apiKey = Optional.ofNullable(value);
            return this;
        }

        public Builder accessTokenValidity(Duration value) {
            this.accessTokenValidity = value;
            return this;
        }

        public Builder refreshTokenValidity(Duration value) {
            this.refreshTokenValidity = value;
            return this;
        }

        public Builder keyRotationInterval(Duration value) {
            this.keyRotationInterval = value;
            return this;
        }

        public Builder antiCsrfEnabled(boolean value) {
            this.antiCsrfEnabled = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public CoreConfig build() {
            return new CoreConfig(
                    host,
                    port,
                    apiKey,
                    accessTokenValidity,
                    refreshTokenValidity,
                    keyRotationInterval,
                    antiCsrfEnabled,
                    clock);
        }
    }
}
