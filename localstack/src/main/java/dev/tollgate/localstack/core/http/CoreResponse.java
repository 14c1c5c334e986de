package dev.tollgate.localstack.core.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * What an endpoint answers: status, content type, body (without the core's trailing newline) and
 * any extra headers (e.g. Cache-Control).
 */
public record CoreResponse(int status, String contentType, String body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=UTF-8";
    static final String TEXT = "text/html; charset=UTF-8";

    public static CoreResponse ok(JsonNode json) {
        return ok(json, Map.of());
    }

    public static CoreResponse ok(JsonNode json, Map<String, String> headers) {
        return new CoreResponse(200, JSON, CoreHttpHandler.Json.write(json), Map.copyOf(headers));
    }

    public static CoreResponse text(String text) {
        return new CoreResponse(200, TEXT, text, Map.of());
    }
}
