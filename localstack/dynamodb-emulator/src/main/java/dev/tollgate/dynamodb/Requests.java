package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;

/** Reading request members with DynamoDB's checks: names, enums, numbers, members this emulator lacks. */
final class Requests {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final List<String> UNSUPPORTED = List.of(
            "Expected",
            "ConditionalOperator",
            "KeyConditions",
            "QueryFilter",
            "FilterExpression",
            "ProjectionExpression",
            "AttributesToGet",
            "IndexName",
            "ReturnItemCollectionMetrics",
            "ReturnValuesOnConditionCheckFailure",
            "GlobalSecondaryIndexes",
            "LocalSecondaryIndexes",
            "StreamSpecification",
            "SSESpecification",
            "Tags",
            "TableClass",
            "OnDemandThroughput",
            "WarmThroughput",
            "ResourcePolicy");

    private Requests() {}

    static void refuseUnsupported(ObjectNode request) {
        for (String member : UNSUPPORTED) {
            JsonNode value = request.get(member);
            if (value != null && !value.isNull()) {
                throw DynamoDbError.validation(member + " is not supported by the Tollgate DynamoDB emulator");
            }
        }
        JsonNode capacity = request.get("ReturnConsumedCapacity");
        if (capacity != null && !capacity.isNull() && !"NONE".equals(capacity.asText())) {
            throw DynamoDbError.validation("ReturnConsumedCapacity " + capacity.asText()
                    + " is not supported by the Tollgate DynamoDB emulator");
        }
    }

    static String tableName(ObjectNode request) {
        JsonNode node = request.get("TableName");
        if (node == null || node.isNull()) {
            throw DynamoDbError.constraint("null", "tableName", "must not be null");
        }
        String name = node.asText();
        if (name.length() < 3) {
            throw DynamoDbError.constraint(
                    "'" + name + "'", "tableName", "must have length greater than or equal to 3");
        }
        if (name.length() > 255) {
            throw DynamoDbError.constraint("'" + name + "'", "tableName", "must have length less than or equal to 255");
        }
        if (!TABLE_NAME.matcher(name).matches()) {
            throw DynamoDbError.constraint(
                    "'" + name + "'", "tableName", "must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    static String text(ObjectNode request, String member, String fallback) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw DynamoDbError.serialization("Unexpected value type for " + member);
        }
        return node.textValue();
    }

    static int integer(ObjectNode request, String member, int fallback) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt()) {
            throw DynamoDbError.serialization("Unexpected value type for " + member);
        }
        return node.intValue();
    }
}
