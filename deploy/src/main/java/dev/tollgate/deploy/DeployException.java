package dev.tollgate.deploy;

/** A deployer failure whose message is meant for the person running it: one line, no stack trace. */
public final class DeployException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DeployException(String message) {
        super(message);
    }

    public DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
