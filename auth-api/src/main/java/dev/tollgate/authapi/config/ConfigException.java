package dev.tollgate.authapi.config;

/** The environment does not describe a usable auth API; thrown at start-up, never per request. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
