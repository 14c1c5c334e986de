package dev.tollgate.session.core;

/**
 * A call to the SuperTokens core failed. Always a server-side failure (5xx for our callers), never a
 * client's 401: a 4xx/5xx from the core means we or the core are broken, not the user's session.
 * Messages name the path and the cause, never tokens, passwords or the API key.
 */
public abstract sealed class CoreException extends Exception
        permits CoreUnreachableException, CoreHttpException, CoreProtocolException {
    private static final long serialVersionUID = 1L;

    protected CoreException(String message) {
        super(message);
    }
}
