package dev.tollgate.session.core;

/** No configured core could be reached (connection refused, timeout, I/O error) for a call. */
public final class CoreUnreachableException extends CoreException {
    private static final long serialVersionUID = 1L;

    public CoreUnreachableException(String message) {
        super(message);
    }
}
