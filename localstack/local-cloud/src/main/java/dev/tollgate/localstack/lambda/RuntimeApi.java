package dev.tollgate.localstack.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import dev.tollgate.localstack.http.AllowedMethods;
import dev.tollgate.localstack.http.PathHandler;
import dev.tollgate.localstack.http.Replies;
import dev.tollgate.localstack.http.RequestBodies;
import java.io.IOException;
import java.io.OutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda Runtime API (version 2018-06-01) as one execution environment serves it to its runtime:
 * {@code GET /runtime/invocation/next} (a long poll), {@code POST /runtime/invocation/<id>/response},
 * {@code POST /runtime/invocation/<id>/error} and {@code POST /runtime/init/error}. Only HTTP lives
 * here; what the calls mean is the {@link Backend}'s business.
 */
final class RuntimeApi implements PathHandler {

    /** Lambda's limit for a synchronous response. */
    static final int MAX_RESPONSE_BYTES = 6 * 1024 * 1024;

    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern INVOCATION =
            Pattern.compile(PREFIX + "invocation/([A-Za-z0-9-]{1,64})/(response|error)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the Runtime API calls do to the execution environment. */
    interface Backend {
        /** Blocks until there is an invocation for the runtime; interrupted when the environment stops. */
        PendingInvocation awaitNext() throws InterruptedException;

        /** {@code false} when {@code requestId} is not the invocation in flight. */
        boolean succeeded(String requestId, byte[] payload);

        /** {@code false} when {@code requestId} is not the invocation in flight. */
        boolean failed(String requestId, ReportedError error);

        void initFailed(ReportedError error);
    }

    /** An error as the runtime reports it: {@code {errorMessage, errorType, stackTrace}}. */
    record ReportedError(String errorMessage, String errorType) {}

    private static final AllowedMethods POST = AllowedMethods.of("POST");

    private final Backend backend;

    RuntimeApi(Backend backend) {
        this.backend = backend;
    }

    @Override
    public void handle(HttpExchange exchange, String path, String method) throws IOException {
        if (path.equals(PREFIX + "invocation/next")) {
            if (!method.equals("GET")) {
                // GET only: a HEAD would take an invocation off the queue without delivering it
                exchange.getResponseHeaders().set("Allow", "GET");
                reply(exchange, 405, error("MethodNotAllowed", "use GET"));
                return;
            }
            next(exchange);
            return;
        }
        if (!POST.permits(method)) {
            if (path.startsWith(PREFIX)) {
                Replies.allow(exchange, POST);
            }
            reply(exchange, path.startsWith(PREFIX) ? 405 : 404, error("MethodNotAllowed", "use POST"));
            return;
        }
        if (path.equals(PREFIX + "init/error")) {
            backend.initFailed(readError(exchange));
            reply(exchange, 202, "{\"status\":\"OK\"}");
            return;
        }
        Matcher matcher = INVOCATION.matcher(path);
        if (!matcher.matches()) {
            reply(exchange, 404, error("NotFound", "no such Runtime API resource"));
            return;
        }
        String requestId = matcher.group(1);
        if (matcher.group(2).equals("response")) {
            response(exchange, requestId);
        } else {
            boolean known = backend.failed(requestId, readError(exchange));
            replyForKnown(exchange, known);
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        PendingInvocation invocation;
        try {
            invocation = backend.awaitNext();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(exchange, 500, error("ServiceStopping", "the execution environment is shutting down"));
            return;
        }
        long deadline = invocation.dispatched.getNow(0L);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.invokedFunctionArn);
        headers.set("Lambda-Runtime-Trace-Id", TraceId.next());
        exchange.sendResponseHeaders(200, invocation.event.length == 0 ? -1 : invocation.event.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(invocation.event);
        }
    }

    private void response(HttpExchange exchange, String requestId) throws IOException {
        byte[] payload = readLimited(exchange, MAX_RESPONSE_BYTES);
        if (payload == null) {
            backend.failed(
                    requestId,
                    new ReportedError(
                            "Response payload size exceeded maximum allowed payload size (" + MAX_RESPONSE_BYTES
                                    + " bytes).",
                            "Function.ResponseSizeTooLarge"));
            reply(
                    exchange,
                    413,
                    error("RequestEntityTooLarge", "response larger than " + MAX_RESPONSE_BYTES + " bytes"));
            return;
        }
        replyForKnown(exchange, backend.succeeded(requestId, payload));
    }

    private static void replyForKnown(HttpExchange exchange, boolean known) throws IOException {
        if (known) {
            reply(exchange, 202, "{\"status\":\"OK\"}");
        } else {
            reply(exchange, 400, error("InvalidRequestID", "no invocation in flight with that request id"));
        }
    }

    /** Reads an error report; a body that is not the documented JSON still fails the invocation. */
    private static ReportedError readError(HttpExchange exchange) throws IOException {
        String headerType = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        byte[] body = readLimited(exchange, MAX_RESPONSE_BYTES);
        String message = null;
        String type = null;
        if (body != null && body.length > 0) {
            try {
                JsonNode node = JSON.readTree(body);
                if (node != null && node.isObject()) {
                    message = node.path("errorMessage").isTextual()
                            ? node.get("errorMessage").asText()
                            : null;
                    type = node.path("errorType").isTextual()
                            ? node.get("errorType").asText()
                            : null;
                }
            } catch (IOException notJson) {
                message = null;
            }
        }
        if (type == null) {
            type = headerType != null && !headerType.isBlank() ? headerType : "Unhandled";
        }
        return new ReportedError(message == null ? "Unknown error" : message, type);
    }

    /** The body, or {@code null} when it is longer than {@code limit}. */
    private static byte[] readLimited(HttpExchange exchange, int limit) throws IOException {
        try {
            return RequestBodies.read(exchange, limit);
        } catch (RequestBodies.TooLarge e) {
            return null;
        }
    }

    private static String error(String type, String message) {
        return JSON.createObjectNode()
                .put("errorMessage", message)
                .put("errorType", type)
                .toString();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        Replies.json(exchange, status, json);
    }
}
