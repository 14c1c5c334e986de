package dev.tollgate.authorizer.config;

/** A configuration value is missing or invalid; the message names the variable and what it accepts. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
