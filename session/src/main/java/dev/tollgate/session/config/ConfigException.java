package dev.tollgate.session.config;

/**
 * A configuration value is missing or invalid. The message names the variable and what it accepts,
 * never the value of a secret.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String variable;
    private final String accepted;

    public ConfigException(String variable, String accepted, String problem) {
        super(variable + ": " + problem + " (accepted: " + accepted + ")");
        this.variable = variable;
        this.accepted = accepted;
    }

    /** The environment variable (or builder field) at fault, e.g. {@code COOKIE_SAME_SITE}. */
    public String variable() {
        return variable;
    }

    /** A human-readable description of the accepted values. */
    public String accepted() {
        return accepted;
    }
}
