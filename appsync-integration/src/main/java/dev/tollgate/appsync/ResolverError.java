package dev.tollgate.appsync;

/**
 * Every way a resolver call is refused. The handler throws these; Lambda reports the message as the
 * function error and AppSync puts it in {@code errors[].message} (with {@code errorType}
 * {@code Lambda:Unhandled}: a direct Lambda resolver cannot choose the errorType). So the message starts
 * with the kind, {@code "<Kind>: <detail>"}, for clients to tell the outcomes apart.
 */
public abstract sealed class ResolverError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String kind;

    private ResolverError(String kind, String detail) {
        super(kind + ": " + detail, null, false, false);
        this.kind = kind;
    }

    /** The short name that leads the message and goes in the log line. */
    public final String kind() {
        return kind;
    }

    /** No usable {@code x-user-id}: the API key alone never reaches anyone's data. */
    public static final class Unauthorized extends ResolverError {
        private static final long serialVersionUID = 1L;

        Unauthorized(String parentType, String field) {
            // AppSync's own wording for an unauthorized field ($util.unauthorized()).
            super("Unauthorized", "Not Authorized to access " + field + " on type " + parentType);
        }
    }

    /** An argument or the event itself is not acceptable. */
    public static final class BadRequest extends ResolverError {
        private static final long serialVersionUID = 1L;

        BadRequest(String detail) {
            super("BadRequest", detail);
        }
    }

    /** No such note for this user (whether it does not exist or belongs to someone else). */
    public static final class NotFound extends ResolverError {
        private static final long serialVersionUID = 1L;

        NotFound(String id) {
            super("NotFound", "no note with id " + id);
        }
    }

    /** The user already has as many notes as allowed. */
    public static final class LimitExceeded extends ResolverError {
        private static final long serialVersionUID = 1L;

        LimitExceeded(int max) {
            super("LimitExceeded", "a user can keep at most " + max + " notes; delete one first");
        }
    }

    /** A bug of ours (e.g. an item the code cannot read): reported without its message, which could quote data. */
    public static final class InternalError extends ResolverError {
        private static final long serialVersionUID = 1L;

        InternalError() {
            super("InternalFailure", "the resolver failed; try again later");
        }
    }

    /** The storage failed: our fault, reported without its internals (they go to the log). */
    public static final class StorageFailure extends ResolverError {
        private static final long serialVersionUID = 1L;

        StorageFailure() {
            super("InternalFailure", "the notes store is unavailable; try again later");
        }
    }
}
