package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * A scalar key value (S, N or B) with DynamoDB's ordering: strings and binaries by unsigned bytes (UTF-8
 * for strings), numbers by value. Equal numbers written differently ({@code 1} and {@code 1.0}) are one key.
 */
record KeyValue(String type, byte[] bytes, BigDecimal number) implements Comparable<KeyValue> {

    /** Stands for the missing sort key of a table that has only a partition key. */
    static final KeyValue NONE = new KeyValue("", new byte[0], null);

    static KeyValue of(JsonNode attributeValue) {
        String type = AttributeValues.type(attributeValue);
        String text = attributeValue.get(type).textValue();
        return switch (type) {
            case "S" -> new KeyValue(type, text.getBytes(StandardCharsets.UTF_8), null);
            case "N" -> new KeyValue(type, null, AttributeValues.number(text).stripTrailingZeros());
            case "B" -> new KeyValue(type, Base64.getDecoder().decode(text), null);
            default -> throw new IllegalArgumentException("not a key type: " + type);
        };
    }

    @Override
    public int compareTo(KeyValue other) {
        if (number != null) {
            return number.compareTo(other.number);
        }
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    /** True when {@code prefix}'s bytes start this value (begins_with on S and B). */
    boolean startsWith(KeyValue prefix) {
        return bytes != null
                && prefix.bytes != null
                && bytes.length >= prefix.bytes.length
                && Arrays.equals(bytes, 0, prefix.bytes.length, prefix.bytes, 0, prefix.bytes.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValue k && type.equals(k.type) && compareTo(k) == 0;
    }

    @Override
    public int hashCode() {
        return number != null ? number.hashCode() : Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return type + ":" + (number != null ? number.toPlainString() : new String(bytes, StandardCharsets.UTF_8));
    }
}
