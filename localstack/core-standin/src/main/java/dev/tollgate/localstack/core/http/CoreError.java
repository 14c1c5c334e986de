package dev.tollgate.localstack.core.http;

/**
 * Every non-200 answer of the core, each mapped to its status and text body in one place
 * ({@link CoreHttpHandler}). The core answers these as {@code text/html} with the message on one line.
 */
public abstract sealed class CoreError extends Exception {

    private CoreError(String message) {
        super(message, null, false, false);
    }

    public abstract int status();

    /** 400: malformed JSON, a missing or mistyped field, an unsupported cdi-version. */
    public static final class BadRequest extends CoreError {
        public BadRequest(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 400;
        }
    }

    /** 401: api-key missing or wrong. The core's body is always the same text. */
    public static final class InvalidApiKey extends CoreError {
        public InvalidApiKey() {
            super("Invalid API key");
        }

        @Override
        public int status() {
            return 401;
        }
    }

    /** 404 for any path the core does not serve. */
    public static final class NotFound extends CoreError {
        public NotFound() {
            super("Not found");
        }

        @Override
        public int status() {
            return 404;
        }
    }

    /** 405 for a known path called with a method it does not implement. */
    public static final class MethodNotSupported extends CoreError {
        public MethodNotSupported() {
            super("Method not supported");
        }

        @Override
        public int status() {
            return 405;
        }
    }

    /**
     * 500 where the real core fails with an exception on a client's input (kept for fidelity: SDKs
     * treat it as an error, not as a session outcome). The message mirrors the core's exception text.
     */
    public static final class CoreFailure extends CoreError {
        public CoreFailure(String message) {
            super(message);
        }

        @Override
        public int status() {
            return 500;
        }
    }

    /** 413: a body larger than the stand-in accepts (the core has no such limit; ours guards memory). */
    public static final class PayloadTooLarge extends CoreError {
        public PayloadTooLarge() {
            super("Request body too large");
        }

        @Override
        public int status() {
            return 413;
        }
    }
}
