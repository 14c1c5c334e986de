package dev.tollgate.session.internal.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON trees in and out over Jackson's streaming API, without an {@code ObjectMapper}.
 *
 * <p>Why: building the first {@code ObjectMapper} in a cold JVM loads a few hundred databind classes
 * plus the JDK's calendar and locale data (its default date format), about a third of the authorizer's
 * init, while all the library ever does with JSON is read and write trees ({@link ObjectNode} stays the
 * type of payloads and bodies). The trees are what {@code new ObjectMapper().readTree(..)} builds with
 * its defaults: {@link JsonNodeFactory#instance}, int / long / BigInteger nodes by size, doubles for
 * fractions, the last of duplicate keys wins, no content is {@link MissingNode}; and what its
 * {@code writeValueAsString} writes: compact, nulls and empty arrays kept.
 *
 * <p>Internal to the session library: not part of its API.
 */
public final class SessionJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SessionJson() {}

    /** Reads one JSON value; trailing content is ignored (an {@code ObjectMapper}'s default). */
    public static JsonNode readTree(byte[] json) throws IOException {
        return readTree(json, 0, json.length, false);
    }

    /**
     * Reads one JSON value from {@code json[offset, offset+length)}; with {@code strict}, anything but
     * whitespace after it is an error ({@code FAIL_ON_TRAILING_TOKENS}).
     */
    public static JsonNode readTree(byte[] json, int offset, int length, boolean strict) throws IOException {
        try (JsonParser p = FACTORY.createParser(json, offset, length)) {
            return readRoot(p, strict);
        }
    }

    /** As {@link #readTree(byte[], int, int, boolean)}, from text. */
    public static JsonNode readTree(String json, boolean strict) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            return readRoot(p, strict);
        }
    }

    /** Compact JSON of {@code node}. */
    public static String write(JsonNode node) {
        if (containsPojo(node)) {
            return PojoFallback.write(node);
        }
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(node, g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a JSON tree to memory", e);
        }
        return out.toString();
    }

    /** Compact UTF-8 JSON of {@code node}. */
    public static byte[] writeBytes(JsonNode node) {
        if (containsPojo(node)) {
            return PojoFallback.write(node).getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(node, g);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a JSON tree to memory", e);
        }
        return out.toByteArray();
    }

    private static JsonNode readRoot(JsonParser p, boolean strict) throws IOException {
        JsonToken first = p.nextToken();
        if (first == null) {
            return MissingNode.getInstance();
        }
        JsonNode root = readValue(p, first);
        if (strict) {
            JsonToken trailing = p.nextToken();
            if (trailing != null) {
                throw new JsonParseException(p, "trailing token " + trailing + " after the JSON value");
            }
        }
        return root;
    }

    /** Depth is bounded by the parser's {@code StreamReadConstraints} (1000 levels), as for a mapper. */
    private static JsonNode readValue(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: {
                ObjectNode object = NODES.objectNode();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    object.set(name, readValue(p, p.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                    array.add(readValue(p, v));
                }
                return array;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected token " + t);
        }
    }

    private static void write(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT:
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    g.writeFieldName(field.getKey());
                    write(field.getValue(), g);
                }
                g.writeEndObject();
                break;
            case ARRAY:
                g.writeStartArray();
                for (JsonNode element : node) {
                    write(element, g);
                }
                g.writeEndArray();
                break;
            case STRING:
                g.writeString(node.textValue());
                break;
            case NUMBER:
                writeNumber(node, g);
                break;
            case BOOLEAN:
                g.writeBoolean(node.booleanValue());
                break;
            case BINARY:
                g.writeBinary(Base64Variants.getDefaultVariant(), node.binaryValue(), 0, node.binaryValue().length);
                break;
            default: // NULL, and MISSING, which a mapper writes as null too
                g.writeNull();
        }
    }

    private static void writeNumber(JsonNode node, JsonGenerator g) throws IOException {
        switch (node.numberType()) {
            case INT:
                g.writeNumber(node.intValue());
                break;
            case LONG:
                g.writeNumber(node.longValue());
                break;
            case BIG_INTEGER:
                g.writeNumber(node.bigIntegerValue());
                break;
            case FLOAT:
                g.writeNumber(node.floatValue());
                break;
            case BIG_DECIMAL:
                g.writeNumber(node.decimalValue());
                break;
            default:
                g.writeNumber(node.doubleValue());
        }
    }

    private static boolean containsPojo(JsonNode node) {
        if (node.isPojo()) {
            return true;
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (containsPojo(child)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A caller's claim may hold a POJO node; only then is a mapper built, to serialise it as Jackson would. */
    private static final class PojoFallback {
        private static final ObjectMapper MAPPER = new ObjectMapper();

        static String write(JsonNode node) {
            try {
                return MAPPER.writeValueAsString(node);
            } catch (IOException e) {
                throw new IllegalStateException("cannot serialise a JSON tree", e);
            }
        }
    }
}
