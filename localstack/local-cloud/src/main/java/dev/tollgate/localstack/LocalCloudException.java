package dev.tollgate.localstack;

/** Why the local cloud could not start, in one line that names the problem (a port, a file, a definition). */
public final class LocalCloudException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LocalCloudException(String message) {
        super(message);
    }

    public LocalCloudException(String message, Throwable cause) {
        super(message, cause);
    }
}
