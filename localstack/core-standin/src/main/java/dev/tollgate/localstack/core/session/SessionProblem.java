package dev.tollgate.localstack.core.session;

/**
 * The session outcomes that are not OK, each answered by the core as HTTP 200 with its own status
 * (or, for {@link PayloadError} and {@link MalformedToken}, as the core's 400 and 500).
 */
public abstract sealed class SessionProblem extends Exception {

    private SessionProblem(String message) {
        super(message, null, false, false);
    }

    /** {@code UNAUTHORISED}: the session is gone, expired, or the refresh token is unusable. */
    public static final class Unauthorised extends SessionProblem {
        public Unauthorised(String message) {
            super(message);
        }
    }

    /** {@code TRY_REFRESH_TOKEN}: the access token cannot be trusted as it is. */
    public static final class TryRefresh extends SessionProblem {
        public TryRefresh(String message) {
            super(message);
        }
    }

    /** {@code TOKEN_THEFT_DETECTED}: a refresh token older than the session's current one was replayed. */
    public static final class TokenTheft extends SessionProblem {
        private final String sessionHandle;
        private final String userId;
        private final String recipeUserId;

        public TokenTheft(String sessionHandle, String userId, String recipeUserId) {
            super("token theft detected");
            this.sessionHandle = sessionHandle;
            this.userId = userId;
            this.recipeUserId = recipeUserId;
        }

        public String sessionHandle() {
            return sessionHandle;
        }

        public String userId() {
            return userId;
        }

        public String recipeUserId() {
            return recipeUserId;
        }
    }

    /** The core's 400 for a custom claim that collides with one of its own. */
    public static final class PayloadError extends SessionProblem {
        public PayloadError(String message) {
            super(message);
        }
    }

    /** A token whose header is not a JSON object: the real core fails with a 500 here. */
    public static final class MalformedToken extends SessionProblem {
        public MalformedToken(String message) {
            super(message);
        }
    }
}
