package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The DynamoDB operations Tollgate uses, on JSON request bodies, with DynamoDB's validation and messages.
 * Parameters DynamoDB has but this emulator does not implement are refused by name, never silently ignored.
 */
final class Operations {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-zA-Z0-9_.-]+");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> UNSUPPORTED = List.of("Expected", "ConditionalOperator", "KeyConditions",
            "QueryFilter", "FilterExpression", "ProjectionExpression", "AttributesToGet", "IndexName",
            "ReturnItemCollectionMetrics", "ReturnValuesOnConditionCheckFailure", "GlobalSecondaryIndexes",
            "LocalSecondaryIndexes", "StreamSpecification", "SSESpecification", "Tags", "TableClass",
            "OnDemandThroughput", "WarmThroughput", "ResourcePolicy");

    private final ConcurrentMap<String, Table> tables = new ConcurrentHashMap<>();
    private final Clock clock;

    Operations(Clock clock) {
        this.clock = clock;
    }

    /** Runs one operation by its X-Amz-Target name. */
    ObjectNode run(String operation, ObjectNode request) {
        refuseUnsupported(request);
        return switch (operation) {
            case "CreateTable" -> createTable(request);
            case "DescribeTable" -> describeTable(request);
            case "DeleteTable" -> deleteTable(request);
            case "ListTables" -> listTables(request);
            case "PutItem" -> putItem(request);
            case "GetItem" -> getItem(request);
            case "DeleteItem" -> deleteItem(request);
            case "Query" -> query(request);
            default -> throw DynamoDbError.unknownOperation();
        };
    }

    static boolean isKnown(String operation) {
        return Set.of("CreateTable", "DescribeTable", "DeleteTable", "ListTables", "PutItem", "GetItem",
                "DeleteItem", "Query").contains(operation);
    }

    private static void refuseUnsupported(ObjectNode request) {
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

    // ---- tables --------------------------------------------------------------------------------------

    private ObjectNode createTable(ObjectNode request) {
        String name = tableName(request);
        KeySchema keySchema = keySchema(request.get("KeySchema"), request.get("AttributeDefinitions"));
        String billingMode = text(request, "BillingMode", "PROVISIONED");
        JsonNode throughput = request.get("ProvisionedThroughput");
        long read = 0;
        long write = 0;
        if (billingMode.equals("PROVISIONED")) {
            if (throughput == null || !throughput.hasNonNull("ReadCapacityUnits") || !throughput.hasNonNull("WriteCapacityUnits")) {
                throw DynamoDbError.invalidParameter(
                        "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            }
            read = throughput.get("ReadCapacityUnits").asLong();
            write = throughput.get("WriteCapacityUnits").asLong();
            if (read < 1 || write < 1) {
                throw DynamoDbError.validation(
                        "One or more parameter values were invalid: Provisioned throughput must be greater than or equal to 1");
            }
        } else if (billingMode.equals("PAY_PER_REQUEST")) {
            if (throughput != null && !throughput.isNull()) {
                throw DynamoDbError.invalidParameter(
                        "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            }
        } else {
            throw DynamoDbError.constraint("'" + billingMode + "'", "billingMode",
                    "must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
        String arn = "arn:aws:dynamodb:" + TableDescription.REGION + ":" + TableDescription.ACCOUNT + ":table/" + name;
        TableDescription description = new TableDescription(name, keySchema, request.get("AttributeDefinitions"),
                billingMode, read, write, clock.instant(), arn, UUID.randomUUID().toString());
        if (tables.putIfAbsent(name, new Table(description)) != null) {
            throw DynamoDbError.resourceInUse("Table already exists: " + name);
        }
        ObjectNode response = JSON.objectNode();
        response.set("TableDescription", description.toJson("CREATING", 0));
        return response;
    }

    private static KeySchema keySchema(JsonNode keySchema, JsonNode definitions) {
        if (keySchema == null || keySchema.isNull()) {
            throw DynamoDbError.constraint("null", "keySchema", "must not be null");
        }
        if (definitions == null || definitions.isNull()) {
            throw DynamoDbError.constraint("null", "attributeDefinitions", "must not be null");
        }
        if (!keySchema.isArray() || !definitions.isArray()) {
            throw DynamoDbError.serialization("KeySchema and AttributeDefinitions must be lists");
        }
        if (keySchema.isEmpty() || keySchema.size() > 2) {
            throw DynamoDbError.constraint("'" + keySchema + "'", "keySchema",
                    keySchema.isEmpty() ? "must have length greater than or equal to 1"
                            : "must have length less than or equal to 2");
        }
        List<String> definedNames = new ArrayList<>();
        int index = 1;
        for (JsonNode definition : definitions) {
            String type = definition.path("AttributeType").asText("");
            if (!Set.of("S", "N", "B").contains(type)) {
                throw DynamoDbError.constraint("'" + type + "'", "attributeDefinitions." + index + ".member.attributeType",
                        "must satisfy enum value set: [B, N, S]");
            }
            definedNames.add(definition.path("AttributeName").asText(""));
            index++;
        }
        String hash = keySchema.get(0).path("AttributeName").asText("");
        if (!"HASH".equals(keySchema.get(0).path("KeyType").asText())) {
            throw DynamoDbError.validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }
        String range = null;
        if (keySchema.size() == 2) {
            range = keySchema.get(1).path("AttributeName").asText("");
            if (!"RANGE".equals(keySchema.get(1).path("KeyType").asText())) {
                throw DynamoDbError.validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            if (range.equals(hash)) {
                throw DynamoDbError.invalidParameter("Both the Hash Key and the Range Key element in the KeySchema have the same name");
            }
        }
        List<String> keyNames = range == null ? List.of(hash) : List.of(hash, range);
        if (!definedNames.containsAll(keyNames)) {
            throw DynamoDbError.invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: "
                    + keyNames + ", AttributeDefinitions: " + definedNames);
        }
        if (definedNames.size() != keyNames.size()) {
            throw DynamoDbError.invalidParameter(
                    "Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }
        return new KeySchema(hash, typeOf(definitions, hash), range, range == null ? null : typeOf(definitions, range));
    }

    private static String typeOf(JsonNode definitions, String name) {
        for (JsonNode definition : definitions) {
            if (name.equals(definition.path("AttributeName").asText())) {
                return definition.get("AttributeType").asText();
            }
        }
        throw new IllegalStateException("checked above");
    }

    private ObjectNode describeTable(ObjectNode request) {
        String name = tableName(request);
        Table table = tables.get(name);
        if (table == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        ObjectNode response = JSON.objectNode();
        response.set("Table", table.description.toJson("ACTIVE", table.itemCount()));
        return response;
    }

    private ObjectNode deleteTable(ObjectNode request) {
        String name = tableName(request);
        Table table = tables.remove(name);
        if (table == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        ObjectNode response = JSON.objectNode();
        response.set("TableDescription", table.description.toJson("DELETING", table.itemCount()));
        return response;
    }

    private ObjectNode listTables(ObjectNode request) {
        int limit = integer(request, "Limit", 100);
        if (limit < 1 || limit > 100) {
            throw DynamoDbError.constraint("'" + limit + "'", "limit", limit < 1
                    ? "must have value greater than or equal to 1" : "must have value less than or equal to 100");
        }
        String start = text(request, "ExclusiveStartTableName", null);
        TreeSet<String> names = new TreeSet<>(tables.keySet());
        Iterable<String> from = start == null ? names : names.tailSet(start, false);
        ObjectNode response = JSON.objectNode();
        ArrayNode out = response.putArray("TableNames");
        for (Iterator<String> it = from.iterator(); it.hasNext(); ) {
            String name = it.next();
            out.add(name);
            if (out.size() == limit && it.hasNext()) {
                response.put("LastEvaluatedTableName", name);
                break;
            }
        }
        return response;
    }

    // ---- items ---------------------------------------------------------------------------------------

    private ObjectNode putItem(ObjectNode request) {
        Table table = table(request);
        JsonNode item = request.get("Item");
        AttributeValues.validateItem(item, "item");
        String returnValues = returnValues(request);
        Predicate<JsonNode> condition = condition(request);
        ObjectNode old = table.put((ObjectNode) item, condition);
        return withOldAttributes(returnValues, old);
    }

    private ObjectNode getItem(ObjectNode request) {
        Table table = table(request);
        KeySchema.PrimaryKey key = key(request, table);
        refuseExpressionAttributes(request, false);
        ObjectNode item = table.get(key);
        ObjectNode response = JSON.objectNode();
        if (item != null) {
            response.set("Item", item);
        }
        return response;
    }

    private ObjectNode deleteItem(ObjectNode request) {
        Table table = table(request);
        KeySchema.PrimaryKey key = key(request, table);
        String returnValues = returnValues(request);
        Predicate<JsonNode> condition = condition(request);
        ObjectNode old = table.delete(key, condition);
        return withOldAttributes(returnValues, old);
    }

    private ObjectNode query(ObjectNode request) {
        Table table = table(request);
        String select = text(request, "Select", "ALL_ATTRIBUTES");
        if (!Set.of("ALL_ATTRIBUTES", "COUNT").contains(select)) {
            if (Set.of("SPECIFIC_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES").contains(select)) {
                throw DynamoDbError.validation("Select " + select + " is not supported by the Tollgate DynamoDB emulator");
            }
            throw DynamoDbError.constraint("'" + select + "'", "select",
                    "must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]");
        }
        int limit = integer(request, "Limit", Integer.MAX_VALUE);
        if (limit < 1) {
            throw DynamoDbError.constraint("'" + limit + "'", "limit", "must have value greater than or equal to 1");
        }
        JsonNode forward = request.get("ScanIndexForward");
        if (forward != null && !forward.isNull() && !forward.isBoolean()) {
            throw DynamoDbError.serialization("ScanIndexForward must be a boolean");
        }
        String expression = text(request, "KeyConditionExpression", null);
        if (expression == null) {
            throw DynamoDbError.validation(
                    "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        }
        ExpressionParser.Usage usage = new ExpressionParser.Usage();
        JsonNode names = request.get("ExpressionAttributeNames");
        JsonNode values = expressionValues(request);
        checkNames(names);
        Expression parsed = new ExpressionParser("KeyConditionExpression", names, values, usage.names, usage.values)
                .parse(expression);
        refuseUnused(names, values, usage);
        KeyCondition keyCondition = KeyCondition.of(parsed, table.keySchema());
        KeyValue exclusiveStart = exclusiveStart(request, table, keyCondition.partition());
        ExpressionEvaluator evaluator = new ExpressionEvaluator("KeyConditionExpression");
        Table.Page page = table.query(keyCondition.partition(), item -> evaluator.test(parsed, item),
                forward == null || forward.isNull() || forward.booleanValue(), exclusiveStart, limit);

        ObjectNode response = JSON.objectNode();
        if (!select.equals("COUNT")) {
            ArrayNode items = response.putArray("Items");
            page.items().forEach(items::add);
        }
        response.put("Count", page.items().size());
        response.put("ScannedCount", page.items().size());
        if (page.truncated()) {
            response.set("LastEvaluatedKey", table.keySchema().keyAttributes(page.items().get(page.items().size() - 1)));
        }
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
            throw DynamoDbError.validation("The provided starting key is outside query boundaries based on provided conditions");
        }
        return key.sort();
    }

    // ---- shared parameter handling -------------------------------------------------------------------

    private Table table(ObjectNode request) {
        Table table = tables.get(tableName(request));
        if (table == null) {
            throw DynamoDbError.tableNotFound();
        }
        return table;
    }

    private static String tableName(ObjectNode request) {
        JsonNode node = request.get("TableName");
        if (node == null || node.isNull()) {
            throw DynamoDbError.constraint("null", "tableName", "must not be null");
        }
        String name = node.asText();
        if (name.length() < 3) {
            throw DynamoDbError.constraint("'" + name + "'", "tableName", "must have length greater than or equal to 3");
        }
        if (name.length() > 255) {
            throw DynamoDbError.constraint("'" + name + "'", "tableName", "must have length less than or equal to 255");
        }
        if (!TABLE_NAME.matcher(name).matches()) {
            throw DynamoDbError.constraint("'" + name + "'", "tableName",
                    "must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }
        return name;
    }

    private static KeySchema.PrimaryKey key(ObjectNode request, Table table) {
        JsonNode key = request.get("Key");
        AttributeValues.validateItem(key, "key");
        return table.keySchema().ofKey(key);
    }

    private static String returnValues(ObjectNode request) {
        String value = text(request, "ReturnValues", "NONE");
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
    private static Predicate<JsonNode> condition(ObjectNode request) {
        String expression = text(request, "ConditionExpression", null);
        if (expression == null) {
            refuseExpressionAttributes(request, true);
            return item -> true;
        }
        JsonNode names = request.get("ExpressionAttributeNames");
        JsonNode values = expressionValues(request);
        checkNames(names);
        ExpressionParser.Usage usage = new ExpressionParser.Usage();
        Expression parsed = new ExpressionParser("ConditionExpression", names, values, usage.names, usage.values)
                .parse(expression);
        refuseUnused(names, values, usage);
        ExpressionEvaluator evaluator = new ExpressionEvaluator("ConditionExpression");
        return item -> evaluator.test(parsed, item);
    }

    private static void refuseExpressionAttributes(ObjectNode request, boolean valuesToo) {
        JsonNode names = request.get("ExpressionAttributeNames");
        if (names != null && !names.isNull()) {
            throw DynamoDbError.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        JsonNode values = request.get("ExpressionAttributeValues");
        if (values != null && !values.isNull()) {
            throw DynamoDbError.validation(valuesToo
                    ? "ExpressionAttributeValues can only be specified when using expressions"
                    : "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
        }
    }

    private static void checkNames(JsonNode names) {
        if (names == null || names.isNull()) {
            return;
        }
        if (!names.isObject()) {
            throw DynamoDbError.serialization("ExpressionAttributeNames must be a map");
        }
        if (names.isEmpty()) {
            throw DynamoDbError.validation("ExpressionAttributeNames must not be empty");
        }
        for (Iterator<String> it = names.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith("#") || key.length() < 2) {
                throw DynamoDbError.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
            }
            if (!names.get(key).isTextual() || names.get(key).textValue().isEmpty()) {
                throw DynamoDbError.validation(
                        "ExpressionAttributeNames contains invalid value: Empty attribute name; for key: \"" + key + "\"");
            }
        }
    }

    private static JsonNode expressionValues(ObjectNode request) {
        JsonNode values = request.get("ExpressionAttributeValues");
        if (values == null || values.isNull()) {
            return null;
        }
        if (!values.isObject()) {
            throw DynamoDbError.serialization("ExpressionAttributeValues must be a map");
        }
        if (values.isEmpty()) {
            throw DynamoDbError.validation("ExpressionAttributeValues must not be empty");
        }
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(":") || key.length() < 2) {
                throw DynamoDbError.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
            }
            AttributeValues.validate(values.get(key));
        }
        return values;
    }

    private static void refuseUnused(JsonNode names, JsonNode values, ExpressionParser.Usage usage) {
        Set<String> unusedNames = unused(names, usage.names);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = unused(values, usage.values);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    private static Set<String> unused(JsonNode provided, Set<String> used) {
        Set<String> unused = new TreeSet<>();
        if (provided != null && !provided.isNull()) {
            provided.fieldNames().forEachRemaining(unused::add);
        }
        unused.removeAll(new HashSet<>(used));
        return unused;
    }

    private static String text(ObjectNode request, String member, String fallback) {
        JsonNode node = request.get(member);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw DynamoDbError.serialization("Unexpected value type for " + member);
        }
        return node.textValue();
    }

    private static int integer(ObjectNode request, String member, int fallback) {
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
