package dev.tollgate.localstack.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * A stand-in's answer chosen by the request's path and method, the two things every one of them routes on.
 * {@link #closing} makes it the handler given to {@link LoopbackServer#start}.
 */
@FunctionalInterface
public interface PathHandler {

    /**
     * Answers one request.
     *
     * @param path   the request URI's decoded path
     * @param method the method as the client sent it
     */
    void handle(HttpExchange exchange, String path, String method) throws IOException;

    /** A handler that passes each exchange on and then closes it, however the handler ended. */
    static HttpHandler closing(PathHandler handler) {
        return exchange -> {
            try (exchange) {
                handler.handle(exchange, exchange.getRequestURI().getPath(), exchange.getRequestMethod());
            }
        };
    }
}
