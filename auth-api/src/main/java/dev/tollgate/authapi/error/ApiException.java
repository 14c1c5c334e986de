package dev.tollgate.authapi.error;

import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.transfer.ResponseTokens;
import java.util.List;

/**
 * Every way a request can end without reaching a route's normal answer, one type per outcome. Session
 * outcomes (unauthorised, try-refresh, theft) are the session library's errors; these are the auth
 * API's own. {@link ApiErrorResponses} turns each into its status and JSON body, in one place.
 */
public abstract sealed class ApiException extends RuntimeException {

    private ApiException(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** The client sent something malformed: 400 {@code {"message"}}. */
    public static final class BadRequest extends ApiException {
        public BadRequest(String message) {
            super(message, null);
        }
    }

    /** No route under the API base path has this path: 404. */
    public static final class NotFound extends ApiException {
        public NotFound(String path) {
            super("No such route: " + path, null);
        }
    }

    /** The route exists but not for this method: 405 with {@code Allow}. */
    public static final class MethodNotAllowed extends ApiException {
        private final List<String> allowed;

        public MethodNotAllowed(String method, List<String> allowed) {
            super("Method " + method + " is not allowed here", null);
            this.allowed = List.copyOf(allowed);
        }

        public List<String> allowed() {
            return allowed;
        }
    }

    /** The body is larger than the auth API accepts: 413. */
    public static final class PayloadTooLarge extends ApiException {
        public PayloadTooLarge(int limitBytes) {
            super("Request body is larger than " + limitBytes + " bytes", null);
        }
    }

    /** A CORS preflight from an origin other than the website: 403. */
    public static final class OriginNotAllowed extends ApiException {
        public OriginNotAllowed() {
            super("Origin not allowed", null);
        }
    }

    /**
     * The SuperTokens core could not be reached or answered something we cannot use: 500. Never a 401,
     * so the frontend does not log the user out because our dependency is down.
     */
    public static final class CoreFailure extends ApiException {
        public CoreFailure(String what, Throwable cause) {
            super("The SuperTokens core failed: " + what, cause);
        }
    }

    /**
     * A session outcome that ends the request (try-refresh, unauthorised, token theft, core unavailable),
     * with the token-clearing headers the answer must carry ({@link ResponseTokens#NONE} for none).
     */
    public static final class SessionRejected extends ApiException {
        private final transient SessionError error;
        private final transient ResponseTokens clearing;

        public SessionRejected(SessionError error, ResponseTokens clearing) {
            super("Session rejected: " + error.reason(), null);
            this.error = error;
            this.clearing = clearing;
        }

        public SessionError error() {
            return error;
        }

        public ResponseTokens clearing() {
            return clearing;
        }
    }

    /** Sending the verification email failed: 500 (the token was created, the user may ask again). */
    public static final class EmailDeliveryFailure extends ApiException {
        public EmailDeliveryFailure(String what, Throwable cause) {
            super("Sending the verification email failed: " + what, cause);
        }
    }
}
