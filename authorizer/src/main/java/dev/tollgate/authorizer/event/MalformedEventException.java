package dev.tollgate.authorizer.event;

/**
 * The invocation payload is not a REST {@code REQUEST} authorizer event. The message names the
 * field and never echoes request content.
 */
public final class MalformedEventException extends Exception {

    public MalformedEventException(String message) {
        // No stack trace: this is an expected answer to bad input, not a bug.
        super(message, null, false, false);
    }
}
