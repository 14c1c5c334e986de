package dev.tollgate.localstack.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A request body read the way the core's {@code InputParser} reads it: a JSON object, each field
 * fetched with its type checked, and one message per failure naming the field
 * ({@code Field name 'x' is invalid in JSON input}). Fields must be read in the core's order so the
 * first complaint is the same one.
 */
public final class JsonInput {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ObjectNode root;

    private JsonInput(ObjectNode root) {
        this.root = root;
    }

    static JsonInput parse(byte[] body) throws CoreError.BadRequest {
        try {
            JsonNode node = MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
            if (node instanceof ObjectNode object) {
                return new JsonInput(object);
            }
        } catch (JsonProcessingException e) {
            // fall through to the core's one message for every unparsable body
        }
        throw new CoreError.BadRequest("Invalid Json Input");
    }

    public String requiredString(String name) throws CoreError.BadRequest {
        JsonNode value = root.get(name);
        if (value == null || !value.isTextual()) {
            throw invalid(name);
        }
        return value.textValue();
    }

    public Optional<String> optionalString(String name) throws CoreError.BadRequest {
        return root.get(name) == null ? Optional.empty() : Optional.of(requiredString(name));
    }

    /**
     * The core accepts a JSON boolean; a number reads as {@code false} (Gson parses its text), a
     * string, null, object or array is invalid.
     */
    public boolean requiredBoolean(String name) throws CoreError.BadRequest {
        JsonNode value = root.get(name);
        if (value == null) {
            throw invalid(name);
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return false;
        }
        throw invalid(name);
    }

    public Optional<Boolean> optionalBoolean(String name) throws CoreError.BadRequest {
        return root.get(name) == null ? Optional.empty() : Optional.of(requiredBoolean(name));
    }

    public ObjectNode requiredObject(String name) throws CoreError.BadRequest {
        JsonNode value = root.get(name);
        if (value instanceof ObjectNode object) {
            return object;
        }
        throw invalid(name);
    }

    public Optional<ObjectNode> optionalObject(String name) throws CoreError.BadRequest {
        return root.get(name) == null ? Optional.empty() : Optional.of(requiredObject(name));
    }

    public Optional<ArrayNode> optionalArray(String name) throws CoreError.BadRequest {
        JsonNode value = root.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof ArrayNode array) {
            return Optional.of(array);
        }
        throw invalid(name);
    }

    public static CoreError.BadRequest invalid(String name) {
        return new CoreError.BadRequest("Field name '" + name + "' is invalid in JSON input");
    }
}
