package dev.tollgate.authapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.session.internal.json.SessionJson;
import java.io.IOException;

/**
 * The auth API's JSON: trees read and written over Jackson's streaming API, and the few shapes every
 * route writes.
 *
 * <p>Why no {@code ObjectMapper}: building the first one in a cold JVM loads a few hundred databind
 * classes and the JDK's date and locale data, a large part of the function's cold start, while the
 * routes only ever read and write trees. The trees come from the session library's reader, which
 * builds what a default mapper's {@code readTree} builds (this module ships with that library; it is
 * internal to it, not public API).
 */
public final class Json {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** {@code {"message": text}}, the body of every error answer. */
    public static String message(String text) {
        return write(object().put("message", text));
    }

    /** {@code {"status": status}}. */
    public static String status(String status) {
        return write(object().put("status", status));
    }

    /** Compact JSON, as a default mapper writes it. */
    public static String write(JsonNode node) {
        return SessionJson.write(node);
    }

    /**
     * The request body as a JSON object. No body counts as {@code {}} (the SDK sends no body to
     * refresh and sign-out, and node reads such a body as empty). Content after the object is ignored,
     * as a default mapper does.
     */
    public static ObjectNode bodyObject(ApiRequest request) {
        if (!request.hasBody()) {
            return object();
        }
        JsonNode node;
        try {
            node = SessionJson.readTree(request.body(), false);
        } catch (IOException e) {
            throw new ApiException.BadRequest("Request body is not valid JSON");
        }
        if (!(node instanceof ObjectNode objectNode)) {
            throw new ApiException.BadRequest("Request body must be a JSON object");
        }
        return objectNode;
    }
}
