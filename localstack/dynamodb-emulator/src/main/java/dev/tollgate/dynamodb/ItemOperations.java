package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/** PutItem, GetItem, DeleteItem and Query on the tables of the registry. */
final class ItemOperations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ConcurrentMap<String, Table> tables;

    ItemOperations(ConcurrentMap<String, Table> tables) {
        this.tables = tables;
    }

    ObjectNode putItem(ObjectNode request) {
        Table table = table(request);
        JsonNode item = request.get("Item");
        AttributeValues.validateItem(item, "item");
        String returnValues = returnValues(request);
        Predicate<JsonNode> condition = ExpressionAttributes.condition(request);
        ObjectNode old = table.put((ObjectNode) item, condition);
        return withOldAttributes(returnValues, old);
    }

    ObjectNode getItem(ObjectNode request) {
        Table table = table(request);
        KeySchema.PrimaryKey key = key(request, table);
        ExpressionAttributes.refuseExpressionAttributes(request, false);
        ObjectNode item = table.get(key);
        ObjectNode response = JSON.objectNode();
        if (item != null) {
            response.set("Item", item);
        }
        return response;
    }

    ObjectNode deleteItem(ObjectNode request) {
        Table table = table(request);
        KeySchema.PrimaryKey key = key(request, table);
        String returnValues = returnValues(request);
        Predicate<JsonNode> condition = ExpressionAttributes.condition(request);
        ObjectNode old = table.delete(key, condition);
        return withOldAttributes(returnValues, old);
    }

    ObjectNode query(ObjectNode request) {
        Table table = table(request);
        String select = Requests.text(request, "Select", "ALL_ATTRIBUTES");
        if (!Set.of("ALL_ATTRIBUTES", "COUNT").contains(select)) {
            if (Set.of("SPECIFIC_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES").contains(select)) {
                throw DynamoDbError.validation(
                        "Select " + select + " is not supported by the Tollgate DynamoDB emulator");
            }
            throw DynamoDbError.constraint(
                    "'" + select + "'",
                    "select",
                    "must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
        int limit = Requests.integer(request, "Limit", Integer.MAX_VALUE);
        if (limit < 1) {
            throw DynamoDbError.constraint("'" + limit + "'", "limit", "must have value greater than or equal to 1");
        }
        JsonNode forward = request.get("ScanIndexForward");
        if (forward != null && !forward.isNull() && !forward.isBoolean()) {
            throw DynamoDbError.serialization("ScanIndexForward must be a boolean");
        }
        String expression = Requests.text(request, "KeyConditionExpression", null);
        if (expression == null) {
            throw DynamoDbError.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        Expression parsed = ExpressionAttributes.parse(request, "KeyConditionExpression", expression);
        KeyCondition keyCondition = KeyCondition.of(parsed, table.keySchema());
        KeyValue exclusiveStart = exclusiveStart(request, table, keyCondition.partition());
        ExpressionEvaluator evaluator = new ExpressionEvaluator("KeyConditionExpression");
        Table.Page page = table.query(
                keyCondition.partition(),
                item -> evaluator.test(parsed, item),
                forward == null || forward.isNull() || forward.booleanValue(),
                exclusiveStart,
                limit);

        ObjectNode response = JSON.objectNode();
        if (!select.equals("COUNT")) {
            ArrayNode items = response.putArray("Items");
            page.items().forEach(items::add);
        }
        response.put("Count", page.items().size());
        response.put("ScannedCount", page.items().size());
        if (page.truncated()) {
            response.set(
                    "LastEvaluatedKey",
                    table.keySchema()
                            .keyAttributes(page.items().get(page.items().size() - 1)));
        }
        return response;
    }

    /**
     * {@code Scan} with {@code Select: COUNT}, the one form Tollgate uses (the admin's count of all notes).
     * Every item is counted in one page: DynamoDB pages by 1 MB, which an emulator's table never reaches,
     * and a client that follows {@code LastEvaluatedKey} is correct either way. Other forms are refused.
     */
    ObjectNode scan(ObjectNode request) {
        Table table = table(request);
        String select = Requests.text(request, "Select", "ALL_ATTRIBUTES");
        if (!select.equals("COUNT")) {
            throw DynamoDbError.validation(
                    "Scan is supported only with Select COUNT by the Tollgate DynamoDB emulator");
        }
        for (String member : List.of("ExclusiveStartKey", "FilterExpression", "Segment", "TotalSegments", "Limit")) {
            JsonNode value = request.get(member);
            if (value != null && !value.isNull()) {
                throw DynamoDbError.validation(
                        "Scan with " + member + " is not supported by the Tollgate DynamoDB emulator");
            }
        }
        int count = table.itemCount();
        ObjectNode response = JSON.objectNode();
        response.put("Count", count);
        response.put("ScannedCount", count);
        return response;
    }

    private static KeyValue exclusiveStart(ObjectNode request, Table table, KeyValue partition) {
        JsonNode start = request.get("ExclusiveStartKey");
        if (start == null || start.isNull()) {
            return null;
        }
        AttributeValues.validateItem(start, "exclusiveStartKey");
        KeySchema.PrimaryKey key;
        try {
            key = table.keySchema().ofKey(start);
        } catch (DynamoDbError e) {
            throw DynamoDbError.validation("The provided starting key is invalid: " + e.getMessage());
        }
        if (!key.partition().equals(partition)) {
            throw DynamoDbError.validation(
                    "The provided starting key is outside query boundaries based on provided conditions");
        }
        return key.sort();
    }

    private Table table(ObjectNode request) {
        Table table = tables.get(Requests.tableName(request));
        if (table == null) {
            throw DynamoDbError.tableNotFound();
        }
        return table;
    }

    private static KeySchema.PrimaryKey key(ObjectNode request, Table table) {
        JsonNode key = request.get("Key");
        AttributeValues.validateItem(key, "key");
        return table.keySchema().ofKey(key);
    }

    private static String returnValues(ObjectNode request) {
        String value = Requests.text(request, "ReturnValues", "NONE");
        if (!value.equals("NONE") && !value.equals("ALL_OLD")) {
            throw DynamoDbError.validation("Return values set to invalid value");
        }
        return value;
    }

    private static ObjectNode withOldAttributes(String returnValues, ObjectNode old) {
        ObjectNode response = JSON.objectNode();
        if (returnValues.equals("ALL_OLD") && old != null) {
            response.set("Attributes", old);
        }
        return response;
    }

    /** The request's ConditionExpression as a test of the stored item; always true when there is none. */
}
