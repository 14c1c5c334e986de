package dev.tollgate.session.core;

/** The core answered with a non-200 HTTP status (bad API key, bad input, its own failure). */
public final class CoreHttpException extends CoreException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String path;
    private final transient String body;

    public CoreHttpException(String path, int status, String body) {
        super("core answered HTTP " + status + " to " + path);
        this.status = status;
        this.path = path;
        this.body = body;
    }

    /** The HTTP status the core answered. */
    public int status() {
        return status;
    }

    /** The request path, e.g. {@code /recipe/session/verify}. */
    public String path() {
        return path;
    }

    /** The first characters of the core's answer, for diagnosis; do not log it blindly. */
    public String body() {
        return body;
    }
}
