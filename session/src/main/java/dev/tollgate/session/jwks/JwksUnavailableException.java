package dev.tollgate.session.jwks;

/** No core answered the JWKS request with a usable key set. The message names URIs and causes, never keys. */
public final class JwksUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public JwksUnavailableException(String message) {
        super(message);
    }
}
