package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A table's primary key: a partition (HASH) attribute and an optional sort (RANGE) attribute. */
record KeySchema(String hashName, String hashType, String rangeName, String rangeType) {

    boolean hasRange() {
        return rangeName != null;
    }

    /** The key of a table item, read from an item being written (PutItem's messages). */
    PrimaryKey ofItem(JsonNode item) {
        return new PrimaryKey(
                itemKeyPart(item, hashName, hashType),
                hasRange() ? itemKeyPart(item, rangeName, rangeType) : KeyValue.NONE);
    }

    private static KeyValue itemKeyPart(JsonNode item, String name, String type) {
        JsonNode value = item.get(name);
        if (value == null) {
            throw DynamoDbError.invalidParameter("Missing the key " + name + " in the item");
        }
        String actual = AttributeValues.type(value);
        if (!actual.equals(type)) {
            throw DynamoDbError.invalidParameter(
                    "Type mismatch for key " + name + " expected: " + type + " actual: " + actual);
        }
        requireNonEmpty(name, value, type);
        return KeyValue.of(value);
    }

    /** The key named by a Key parameter (GetItem, DeleteItem): exactly the key attributes, right types. */
    PrimaryKey ofKey(JsonNode key) {
        int expected = hasRange() ? 2 : 1;
        if (key.size() != expected || !key.has(hashName) || (hasRange() && !key.has(rangeName))) {
            throw DynamoDbError.validation("The provided key element does not match the schema");
        }
        return new PrimaryKey(
                keyPart(key, hashName, hashType), hasRange() ? keyPart(key, rangeName, rangeType) : KeyValue.NONE);
    }

    private static KeyValue keyPart(JsonNode key, String name, String type) {
        JsonNode value = key.get(name);
        if (!AttributeValues.type(value).equals(type)) {
            throw DynamoDbError.validation("The provided key element does not match the schema");
        }
        requireNonEmpty(name, value, type);
        return KeyValue.of(value);
    }

    private static void requireNonEmpty(String name, JsonNode value, String type) {
        if (!type.equals("N") && value.get(type).textValue().isEmpty()) {
            throw DynamoDbError.validation(
                    "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an "
                            + (type.equals("S") ? "empty string" : "empty binary") + " value. Key: " + name);
        }
    }

    /** The key attributes of a stored item, as DynamoDB returns them in LastEvaluatedKey. */
    ObjectNode keyAttributes(JsonNode item) {
        ObjectNode key = JsonNodeFactory.instance.objectNode();
        key.set(hashName, item.get(hashName).deepCopy());
        if (hasRange()) {
            key.set(rangeName, item.get(rangeName).deepCopy());
        }
        return key;
    }

    /** Which attribute is which part of the key, or null. */
    String typeOf(String attribute) {
        if (attribute.equals(hashName)) {
            return hashType;
        }
        return attribute.equals(rangeName) ? rangeType : null;
    }

    record PrimaryKey(KeyValue partition, KeyValue sort) {}
}
