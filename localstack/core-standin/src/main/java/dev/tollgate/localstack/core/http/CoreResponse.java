package dev.tollgate.localstack.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * What an endpoint answers: status, content type, body (without the core's trailing newline) and
 * any extra headers (e.g. Cache-Control).
 */
public record CoreResponse(int status, String contentType, String body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=UTF-8";
    static final String TEXT = "text/html; charset=UTF-8";
    /** Compact, fields in insertion order, like the core's Gson output. */
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static CoreResponse ok(JsonNode json) {
        return ok(json, Map.of());
    }

    public static CoreResponse ok(JsonNode json, Map<String, String> headers) {
        try {
            return new CoreResponse(200, JSON, MAPPER.writeValueAsString(json), Map.copyOf(headers));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }

    public static CoreResponse text(String text) {
        return new CoreResponse(200, TEXT, text, Map.of());
    }
}
