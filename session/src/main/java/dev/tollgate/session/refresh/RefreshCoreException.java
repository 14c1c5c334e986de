package dev.tollgate.session.refresh;

import dev.tollgate.session.core.CoreException;

/**
 * A core call of a refresh failed: a server-side failure (5xx for the caller), never the user's 401.
 * Says which call, because a failed revocation after token theft leaves a stolen session alive and
 * deserves its own answer and log line.
 */
public final class RefreshCoreException extends Exception {
    private static final long serialVersionUID = 1L;

    /** The core call that failed. */
    public enum Call {
        /** {@code POST /recipe/session/refresh}. */
        REFRESH,
        /** {@code POST /recipe/session/remove} for the session whose old refresh token was replayed. */
        REVOKE_AFTER_THEFT
    }

    private final Call call;

    RefreshCoreException(Call call, CoreException cause) {
        super(call + " failed: " + cause.getMessage(), cause, false, false);
        this.call = call;
    }

    public Call call() {
        return call;
    }

    /** The core client's failure (log-safe message: path and cause, never tokens). */
    @Override
    public synchronized CoreException getCause() {
        return (CoreException) super.getCause();
    }
}
