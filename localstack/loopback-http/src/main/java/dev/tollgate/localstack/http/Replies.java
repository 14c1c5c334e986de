package dev.tollgate.localstack.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writing an answer. Every helper answers HEAD like GET with the body left out, so a handler never has
 * to think about HEAD.
 */
public final class Replies {

    public static final String JSON = "application/json";
    public static final String TEXT = "text/plain; charset=utf-8";

    private Replies() {}

    /** Sends {@code body} with {@code Content-Type: contentType}; for HEAD only the status and headers. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (isHead(exchange) || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** A JSON document (already serialised). */
    public static void json(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** A line of plain text (a newline is added). */
    public static void text(HttpExchange exchange, int status, String text) throws IOException {
        send(exchange, status, TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Sets {@code Allow} for a 405; the caller then sends the body its protocol uses. */
    public static void allow(HttpExchange exchange, AllowedMethods allowed) {
        exchange.getResponseHeaders().set("Allow", allowed.header());
    }

    /** A 405 with {@code Allow} and a one-line text body naming the methods. */
    public static void methodNotAllowed(HttpExchange exchange, AllowedMethods allowed) throws IOException {
        allow(exchange, allowed);
        text(exchange, 405, "method not allowed; use " + allowed.header());
    }

    public static boolean isHead(HttpExchange exchange) {
        return "HEAD".equals(exchange.getRequestMethod());
    }
}
