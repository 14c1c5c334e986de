package dev.tollgate.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tollgate.localstack.http.RequestBodies;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * DynamoDB's JSON 1.0 protocol over HTTP: {@code POST /} with {@code X-Amz-Target:
 * DynamoDB_20120810.<Operation>} and a JSON body; answers 200 with the result or 400 with
 * {@code {"__type", "message"}}, always as {@code application/x-amz-json-1.0} with the {@code x-amz-crc32}
 * checksum the AWS SDK verifies. Request signatures are not checked: this is a local stand-in.
 */
final class ProtocolFront implements HttpHandler {

    private static final String TARGET_PREFIX = "DynamoDB_20120810.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    /** DynamoDB caps a request body well below this; anything bigger is refused unread. */
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final ObjectMapper mapper = new ObjectMapper();
    private final Operations operations;
    private final DynamoDbRequestLog log;

    ProtocolFront(Operations operations, DynamoDbRequestLog log) {
        this.operations = operations;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String operation = null;
        int status;
        byte[] body;
        String errorType = null;
        try (exchange) {
            try {
                if (!"POST".equals(exchange.getRequestMethod())
                        || !"/".equals(exchange.getRequestURI().getPath())) {
                    throw DynamoDbError.unknownOperation();
                }
                String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
                if (target == null
                        || !target.startsWith(TARGET_PREFIX)
                        || !Operations.isKnown(target.substring(TARGET_PREFIX.length()))) {
                    throw DynamoDbError.unknownOperation();
                }
                operation = target.substring(TARGET_PREFIX.length());
                ObjectNode request = parse(exchange);
                body = mapper.writeValueAsBytes(operations.run(operation, request));
                status = 200;
            } catch (DynamoDbError e) {
                ObjectNode error = mapper.createObjectNode().put("__type", e.code.type);
                if (e.getMessage() != null) {
                    error.put("message", e.getMessage());
                }
                body = mapper.writeValueAsBytes(error);
                status = 400;
                errorType = e.code.type.substring(e.code.type.indexOf('#') + 1);
            } catch (RuntimeException e) {
                // A fault of ours, not the caller's: DynamoDB's shape for it. The body and the log name only
                // the exception's type: its message could quote item data.
                body = mapper.writeValueAsBytes(mapper.createObjectNode()
                        .put("__type", "com.amazonaws.dynamodb.v20120810#InternalServerError")
                        .put("message", "Internal server error"));
                status = 500;
                errorType = "InternalServerError(" + e.getClass().getSimpleName() + ")";
            }
            CRC32 crc = new CRC32();
            crc.update(body);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
            exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        log.request(requestId, operation, status, errorType, (System.nanoTime() - started) / 1_000_000.0);
    }

    private ObjectNode parse(HttpExchange exchange) throws IOException {
        byte[] bytes;
        try {
            bytes = RequestBodies.read(exchange, MAX_BODY_BYTES);
        } catch (RequestBodies.TooLarge e) {
            throw DynamoDbError.validation("Request body is too large");
        }
        JsonNode node;
        try {
            node = bytes.length == 0 ? mapper.createObjectNode() : mapper.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw DynamoDbError.serialization(
                    "Start of structure or map found where not expected; body is not valid JSON: "
                            + new String(bytes, 0, Math.min(bytes.length, 40), StandardCharsets.UTF_8)
                                    .replaceAll("\\s+", " "));
        }
        if (node == null || !node.isObject()) {
            throw DynamoDbError.serialization("Request body must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
