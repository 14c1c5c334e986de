package dev.tollgate.config;

/**
 * A configuration variable is missing or invalid; thrown at start-up, never per request. The message
 * names the variable, the problem and what the variable accepts. It never quotes the value: a secret
 * put into the wrong variable would otherwise end up in the function's log.
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

    /** The environment variable at fault, e.g. {@code COOKIE_SAME_SITE}. */
    public String variable() {
        return variable;
    }

    /** A human-readable description of the accepted values. */
    public String accepted() {
        return accepted;
    }
}
