package dev.tollgate.localstack.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;

/** Reading a request body with a ceiling, so a client cannot make a stand-in buffer without end. */
public final class RequestBodies {

    private RequestBodies() {}

    /**
     * Whether the request declares a JSON body: {@code Content-Type: application/json}, in any case, with
     * or without parameters such as {@code charset}. The caller answers a false with its protocol's 415.
     */
    public static boolean isJson(HttpExchange exchange) {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }

    /**
     * The whole body, at most {@code maxBytes}.
     *
     * @throws TooLarge when the body is longer (reading stops one byte past the limit)
     */
    public static byte[] read(HttpExchange exchange, int maxBytes) throws IOException, TooLarge {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative, was " + maxBytes);
        }
        byte[] body = exchange.getRequestBody().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw new TooLarge(maxBytes);
        }
        return body;
    }

    /** A body over the limit; the caller answers with its protocol's 413. */
    public static final class TooLarge extends Exception {

        private static final long serialVersionUID = 1L;

        private final int limit;

        TooLarge(int limit) {
            super("request body larger than " + limit + " bytes");
            this.limit = limit;
        }

        public int limit() {
            return limit;
        }
    }
}
