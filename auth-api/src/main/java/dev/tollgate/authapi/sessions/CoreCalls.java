package dev.tollgate.authapi.sessions;

import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.session.core.CoreException;

/**
 * Runs a CDI call and turns the client's checked failure into the auth API's 500. The answer names the
 * operation only; the cause (core path and reason, never secrets) goes to the log.
 */
public final class CoreCalls {

    /** One call to the core. */
    @FunctionalInterface
    public interface Call<T> {
        T run() throws CoreException;
    }

    private CoreCalls() {}

    /** @param operation what was attempted, for the answer and the log, e.g. {@code "sign in"} */
    public static <T> T call(String operation, Call<T> call) {
        try {
            return call.run();
        } catch (CoreException e) {
            throw new ApiException.CoreFailure(operation, e);
        }
    }
}
