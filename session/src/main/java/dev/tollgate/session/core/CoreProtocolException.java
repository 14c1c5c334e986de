package dev.tollgate.session.core;

/** The core answered 200 with something that is not the CDI 5.4 shape we expect. */
public final class CoreProtocolException extends CoreException {
    private static final long serialVersionUID = 1L;

    public CoreProtocolException(String message) {
        super(message);
    }
}
