package dev.tollgate.authapi.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.authapi.error.ApiException;

/** The one JSON mapper of the auth API, and the few shapes every route writes. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** {@code {"message": text}}, the body of every error answer. */
    public static String message(String text) {
        return write(object().put("message", text));
    }

    /** {@code {"status": status}}. */
    public static String status(String status) {
        return write(object().put("status", status));
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written", e);
        }
    }

    /**
     * The request body as a JSON object. No body counts as {@code {}} (the SDK sends no body to
     * refresh and sign-out, and node reads such a body as empty).
     */
    public static ObjectNode bodyObject(ApiRequest request) {
        if (!request.hasBody()) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(request.body());
        } catch (JsonProcessingException e) {
            throw new ApiException.BadRequest("Request body is not valid JSON");
        }
        if (!(node instanceof ObjectNode objectNode)) {
            throw new ApiException.BadRequest("Request body must be a JSON object");
        }
        return objectNode;
    }
}
