package dev.tollgate.localstack.appsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tollgate.localstack.LocalCloudLog;
import dev.tollgate.localstack.http.AllowedMethods;
import dev.tollgate.localstack.http.Replies;
import dev.tollgate.localstack.http.RequestBodies;
import dev.tollgate.log.JsonLog;
import dev.tollgate.log.Level;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /graphql}: the API key check (401 with AppSync's body when missing or wrong), the request
 * body ({@code query}, {@code variables}, {@code operationName}), execution, and AppSync's response
 * shape; GraphQL-level errors are HTTP 200 as in AppSync. One JSON log line per request.
 */
final class GraphqlEndpoint implements HttpHandler {

    private static final AllowedMethods POST = AllowedMethods.of("POST");

    static final String UNAUTHORIZED_BODY =
            "{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"You are not authorized to make this call.\"}]}";
    /**
     * The local AppSync's request size limit; AWS documents none for AppSync (docs/aws.md#appsync-limits),
     * so this only keeps a client from making the emulator buffer without end.
     */
    static final int MAX_BODY_BYTES = 5 * 1024 * 1024;
    /**
     * How much of an unread body is read and dropped before answering. The JDK server drops a connection
     * with more than 64 KB unread, and a client still sending then sees a reset instead of the answer.
     */
    private static final long DISCARD_LIMIT_BYTES = 64L * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonLog LOG = LocalCloudLog.of("appsync");

    private final GraphQL graphql;
    private final byte[] apiKey;

    GraphqlEndpoint(GraphQL graphql, String apiKey) {
        this.graphql = graphql;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        int status;
        String outcome;
        try (exchange) {
            Answer answer = answer(exchange);
            discardRest(exchange);
            status = answer.status();
            outcome = answer.outcome();
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            if (status == 401) {
                exchange.getResponseHeaders().set("x-amzn-ErrorType", "UnauthorizedException");
            }
            Replies.send(exchange, status, "application/json; charset=UTF-8", body);
        }
        LOG.line(status >= 500 ? Level.ERROR : Level.INFO, "request")
                .requestId(requestId)
                .latencySince(started)
                .field("status", status)
                .field("outcome", outcome)
                .write();
    }

    private record Answer(int status, String body, String outcome) {}

    /** Reads what is left of the request body (nothing after a body was read whole) and drops it. */
    private static void discardRest(HttpExchange exchange) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long dropped = 0;
        int read;
        while (dropped < DISCARD_LIMIT_BYTES
                && (read = exchange.getRequestBody().read(buffer)) >= 0) {
            dropped += read;
        }
    }

    private Answer answer(HttpExchange exchange) throws IOException {
        if (!exchange.getRequestURI().getPath().equals("/graphql")) {
            return malformed(
                    404,
                    "NotFoundException",
                    "No resource at " + exchange.getRequestURI().getPath() + "; use POST /graphql.");
        }
        if (!POST.permits(exchange.getRequestMethod())) {
            Replies.allow(exchange, POST);
            return malformed(405, "MethodNotAllowedException", "Use POST for GraphQL requests.");
        }
        List<String> keys = exchange.getRequestHeaders().get("x-api-key");
        if (keys == null
                || keys.size() != 1
                || !MessageDigest.isEqual(apiKey, keys.get(0).getBytes(StandardCharsets.UTF_8))) {
            return new Answer(401, UNAUTHORIZED_BODY, "unauthorized");
        }
        byte[] bytes;
        try {
            bytes = RequestBodies.read(exchange, MAX_BODY_BYTES);
        } catch (RequestBodies.TooLarge e) {
            return malformed(413, "PayloadTooLargeException", "The request body exceeds " + MAX_BODY_BYTES + " bytes.");
        }
        JsonNode body;
        try {
            body = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            return malformed(400, "MalformedHttpRequestException", "Unable to parse the JSON document.");
        }
        if (body == null
                || !body.isObject()
                || !body.path("query").isTextual()
                || body.get("query").asText().isBlank()) {
            return malformed(
                    400,
                    "MalformedHttpRequestException",
                    "The request body must be a JSON object with a non-empty 'query' string.");
        }
        JsonNode variables = body.get("variables");
        if (variables != null && !variables.isNull() && !variables.isObject()) {
            return malformed(400, "MalformedHttpRequestException", "'variables' must be a JSON object.");
        }
        JsonNode operationName = body.get("operationName");
        if (operationName != null && !operationName.isNull() && !operationName.isTextual()) {
            return malformed(400, "MalformedHttpRequestException", "'operationName' must be a string.");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> variableMap =
                variables == null || variables.isNull() ? Map.of() : JSON.convertValue(variables, Map.class);
        ExecutionInput input = ExecutionInput.newExecutionInput()
                .query(body.get("query").asText())
                .operationName(operationName == null || operationName.isNull() ? null : operationName.asText())
                .variables(variableMap)
                .graphQLContext(Map.of(LambdaResolver.HEADERS, headers(exchange)))
                .locale(Locale.ROOT)
                .build();
        ExecutionResult result = graphql.execute(input);
        return new Answer(
                200,
                JSON.writeValueAsString(ResponseRenderer.render(result)),
                result.getErrors().isEmpty()
                        ? "ok"
                        : "errors:" + result.getErrors().size());
    }

    private static Answer malformed(int status, String errorType, String message) throws JsonProcessingException {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("errorType", errorType);
        error.put("message", message);
        return new Answer(status, JSON.writeValueAsString(Map.of("errors", List.of(error))), errorType);
    }

    /** Every header of the request, names lower-cased as AppSync passes them; repeated values joined by ",". */
    private static Map<String, String> headers(HttpExchange exchange) {
        Map<String, String> out = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) ->
                        out.merge(name.toLowerCase(Locale.ROOT), String.join(",", values), (a, b) -> a + "," + b));
        return out;
    }
}
