package dev.tollgate.localstack.mailbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads the auth API's webhook body, {@code {"type","to","subject","text","link"}}, refusing anything else
 * with a message that says which field is wrong.
 */
final class MessageParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FIELD = 16 * 1024;

    /** A body that is not an acceptable message. */
    static final class InvalidMessage extends Exception {
        InvalidMessage(String message) {
            super(message);
        }
    }

    private MessageParser() {}

    static Message parse(byte[] body, Instant receivedAt) throws InvalidMessage {
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidMessage("body is not JSON");
        } catch (IOException e) {
            throw new InvalidMessage("body cannot be read");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidMessage("body must be a JSON object");
        }
        String type = required(node, "type");
        if (!type.matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw new InvalidMessage("type must be an upper-case identifier such as EMAIL_VERIFICATION");
        }
        String to = required(node, "to");
        if (to.length() > 320 || !to.matches("[^@\\s]+@[^@\\s]+")) {
            throw new InvalidMessage("to must be an email address");
        }
        String subject = required(node, "subject");
        String text = required(node, "text");
        String link = optional(node, "link");
        if (link != null && !isWebLink(link)) {
            throw new InvalidMessage("link must be an absolute http(s) URL");
        }
        return new Message(UUID.randomUUID().toString(), receivedAt, type, to, subject, text, link);
    }

    private static String required(JsonNode node, String field) throws InvalidMessage {
        String value = optional(node, field);
        if (value == null || value.isBlank()) {
            throw new InvalidMessage(field + " is required");
        }
        return value;
    }

    private static String optional(JsonNode node, String field) throws InvalidMessage {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidMessage(field + " must be a string");
        }
        if (value.asText().length() > MAX_FIELD) {
            throw new InvalidMessage(field + " is longer than " + MAX_FIELD + " characters");
        }
        return value.asText();
    }

    static boolean isWebLink(String link) {
        try {
            URI uri = new URI(link);
            return uri.isAbsolute()
                    && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
