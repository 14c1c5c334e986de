package dev.tollgate.localstack.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;

/**
 * A stand-in's answer chosen by the request's path and method, the two things every one of them routes on.
 * {@link #closing} makes it the handler given to {@link LoopbackServer#start}.
 */
@FunctionalInterface
public interface Router {

    /**
     * Answers one request.
     *
     * @param path   the request URI's decoded path
     * @param method the method as the client sent it
     */
    void route(HttpExchange exchange, String path, String method) throws IOException;

    /** A handler that routes each exchange and then closes it, however the router ended. */
    static HttpHandler closing(Router router) {
        return exchange -> {
            try (exchange) {
                router.route(exchange, exchange.getRequestURI().getPath(), exchange.getRequestMethod());
            }
        };
    }
}
