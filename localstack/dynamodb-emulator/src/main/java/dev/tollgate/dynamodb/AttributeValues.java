package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB attribute values in their wire form ({@code {"S": "x"}}, {@code {"N": "1"}}, ...): validation,
 * sizes and comparisons with DynamoDB's rules (strings and binaries compare as unsigned bytes, numbers by
 * value, equality across types is false).
 */
final class AttributeValues {

    static final Set<String> TYPES = Set.of("S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS");
    /** DynamoDB's limit for one item, name and value bytes together. */
    static final int MAX_ITEM_BYTES = 400 * 1024;

    private AttributeValues() {}

    /** The single type tag of a value that {@link #validate} accepted. */
    static String type(JsonNode value) {
        return value.fieldNames().next();
    }

    /** Checks a whole item (or key) map of name to value. */
    static void validateItem(JsonNode item, String member) {
        if (item == null || item.isNull()) {
            throw DynamoDbError.constraint("null", member, "must not be null");
        }
        if (!item.isObject()) {
            throw DynamoDbError.serialization("Unexpected value type in " + member);
        }
        item.properties().forEach(e -> validate(e.getValue()));
        if (sizeOfItem(item) > MAX_ITEM_BYTES) {
            throw DynamoDbError.validation("Item size has exceeded the maximum allowed size");
        }
    }

    /** Checks one attribute value: exactly one known type, well-formed content. */
    static void validate(JsonNode value) {
        if (value == null || !value.isObject()) {
            throw DynamoDbError.serialization("Unexpected value type in AttributeValue");
        }
        if (value.size() == 0) {
            throw DynamoDbError.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (value.size() > 1) {
            throw DynamoDbError.validation(
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes");
        }
        String type = type(value);
        JsonNode content = value.get(type);
        switch (type) {
            case "S" -> requireText(content);
            case "N" -> number(requireText(content));
            case "B" -> binary(requireText(content));
            case "BOOL" -> {
                if (!content.isBoolean()) {
                    throw DynamoDbError.serialization("BOOL must be a boolean");
                }
            }
            case "NULL" -> {
                if (!content.isBoolean() || !content.booleanValue()) {
                    throw DynamoDbError.validation(
                            "One or more parameter values were invalid: Null attribute value types must have the value of true");
                }
            }
            case "M" -> {
                if (!content.isObject()) {
                    throw DynamoDbError.serialization("M must be an object");
                }
                content.properties().forEach(e -> validate(e.getValue()));
            }
            case "L" -> {
                if (!content.isArray()) {
                    throw DynamoDbError.serialization("L must be an array");
                }
                content.forEach(AttributeValues::validate);
            }
            case "SS", "NS", "BS" -> validateSet(type, content);
            default -> throw DynamoDbError.serialization("Unknown AttributeValue type: " + type);
        }
    }

    private static void validateSet(String type, JsonNode content) {
        if (!content.isArray()) {
            throw DynamoDbError.serialization(type + " must be an array");
        }
        if (content.isEmpty()) {
            // DynamoDB's own wording, odd article and double space included.
            String kind = switch (type) {
                case "SS" -> "string";
                case "NS" -> "number";
                default -> "binary";
            };
            throw DynamoDbError.invalidParameter("An " + kind + " set  may not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode element : content) {
            String text = requireText(element);
            String canonical = switch (type) {
                case "NS" -> number(text).stripTrailingZeros().toPlainString();
                case "BS" -> Base64.getEncoder().encodeToString(binary(text));
                default -> text;
            };
            if (!seen.add(canonical)) {
                throw DynamoDbError.validation("One or more parameter values were invalid: Input collection " + content
                        + " contains duplicates.");
            }
        }
    }

    private static String requireText(JsonNode content) {
        if (content == null || !content.isTextual()) {
            throw DynamoDbError.serialization("Unexpected value type in AttributeValue: expected a string");
        }
        return content.textValue();
    }

    static BigDecimal number(String text) {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.precision() > 38) {
                throw DynamoDbError.validation("Attempting to store more than 38 significant digits in a Number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw DynamoDbError.validation("A value provided cannot be converted into a number");
        }
    }

    static byte[] binary(String text) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw DynamoDbError.serialization("Base64 encoded length is expected a multiple of 4 bytes");
        }
    }

    /** DynamoDB's item size: UTF-8 name lengths plus value sizes (an approximation for numbers). */
    static int sizeOfItem(JsonNode item) {
        int size = 0;
        for (Map.Entry<String, JsonNode> e : item.properties()) {
            size += utf8Length(e.getKey()) + sizeOfValue(e.getValue());
        }
        return size;
    }

    private static int sizeOfValue(JsonNode value) {
        String type = type(value);
        JsonNode content = value.get(type);
        return switch (type) {
            case "S" -> utf8Length(content.textValue());
            case "N" -> (number(content.textValue()).precision() + 1) / 2 + 1;
            case "B" -> binary(content.textValue()).length;
            case "BOOL", "NULL" -> 1;
            case "M" -> 3 + sizeOfItem(content);
            case "L" -> {
                int sum = 3;
                for (JsonNode element : content) {
                    sum += 1 + sizeOfValue(element);
                }
                yield sum;
            }
            default -> {
                int sum = 0;
                for (JsonNode element : content) {
                    sum += utf8Length(element.textValue());
                }
                yield sum;
            }
        };
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** What {@code size(path)} returns for a value, or -1 where DynamoDB's size function is undefined. */
    static long size(JsonNode value) {
        String type = type(value);
        JsonNode content = value.get(type);
        return switch (type) {
            case "S" ->
                content.textValue().codePointCount(0, content.textValue().length());
            case "B" -> binary(content.textValue()).length;
            case "M", "L", "SS", "NS", "BS" -> content.size();
            default -> -1;
        };
    }

    static ObjectNode numberValue(ObjectNode factory, long n) {
        return factory.objectNode().put("N", Long.toString(n));
    }

    /** Equality as DynamoDB's {@code =} sees it: same type and same content (numbers by value). */
    static boolean equal(JsonNode a, JsonNode b) {
        String type = type(a);
        if (!type.equals(type(b))) {
            return false;
        }
        JsonNode x = a.get(type);
        JsonNode y = b.get(type);
        return switch (type) {
            case "N" -> number(x.textValue()).compareTo(number(y.textValue())) == 0;
            case "SS", "NS", "BS" -> canonicalSet(type, x).equals(canonicalSet(type, y));
            case "M" -> {
                if (x.size() != y.size()) {
                    yield false;
                }
                for (Map.Entry<String, JsonNode> e : x.properties()) {
                    JsonNode other = y.get(e.getKey());
                    if (other == null || !equal(e.getValue(), other)) {
                        yield false;
                    }
                }
                yield true;
            }
            case "L" -> {
                if (x.size() != y.size()) {
                    yield false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!equal(x.get(i), y.get(i))) {
                        yield false;
                    }
                }
                yield true;
            }
            default -> x.equals(y);
        };
    }

    private static Set<String> canonicalSet(String type, JsonNode content) {
        Set<String> set = new HashSet<>();
        for (JsonNode element : content) {
            set.add(
                    type.equals("NS")
                            ? number(element.textValue()).stripTrailingZeros().toPlainString()
                            : element.textValue());
        }
        return set;
    }

    /**
     * Ordering for {@code < <= > >=} and BETWEEN: defined only for two values of the same scalar type
     * S, N or B. Returns null where DynamoDB's comparison is simply false.
     */
    static Integer compare(JsonNode a, JsonNode b) {
        String type = type(a);
        if (!type.equals(type(b)) || !(type.equals("S") || type.equals("N") || type.equals("B"))) {
            return null;
        }
        return KeyValue.of(a).compareTo(KeyValue.of(b));
    }
}
