package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentMap;

/** CreateTable, DescribeTable, DeleteTable and ListTables over the emulator's table registry. */
final class TableOperations {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ConcurrentMap<String, Table> tables;
    private final Clock clock;

    TableOperations(ConcurrentMap<String, Table> tables, Clock clock) {
        this.tables = tables;
        this.clock = clock;
    }

    ObjectNode createTable(ObjectNode request) {
        String name = Requests.tableName(request);
        KeySchema keySchema = keySchema(request.get("KeySchema"), request.get("AttributeDefinitions"));
        String billingMode = Requests.text(request, "BillingMode", "PROVISIONED");
        JsonNode throughput = request.get("ProvisionedThroughput");
        long read = 0;
        long write = 0;
        if (billingMode.equals("PROVISIONED")) {
            if (throughput == null
                    || !throughput.hasNonNull("ReadCapacityUnits")
                    || !throughput.hasNonNull("WriteCapacityUnits")) {
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
            throw DynamoDbError.constraint(
                    "'" + billingMode + "'",
                    "billingMode",
                    "must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
        String arn = "arn:aws:dynamodb:" + TableDescription.REGION + ":" + TableDescription.ACCOUNT + ":table/" + name;
        TableDescription description = new TableDescription(
                name,
                keySchema,
                request.get("AttributeDefinitions"),
                billingMode,
                read,
                write,
                clock.instant(),
                arn,
                UUID.randomUUID().toString());
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
            throw DynamoDbError.constraint(
                    "'" + keySchema + "'",
                    "keySchema",
                    keySchema.isEmpty()
                            ? "must have length greater than or equal to 1"
                            : "must have length less than or equal to 2");
        }
        List<String> definedNames = new ArrayList<>();
        int index = 1;
        for (JsonNode definition : definitions) {
            String type = definition.path("AttributeType").asText("");
            if (!Set.of("S", "N", "B").contains(type)) {
                throw DynamoDbError.constraint(
                        "'" + type + "'",
                        "attributeDefinitions." + index + ".member.attributeType",
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
                throw DynamoDbError.validation(
                        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
            }
            if (range.equals(hash)) {
                throw DynamoDbError.invalidParameter(
                        "Both the Hash Key and the Range Key element in the KeySchema have the same name");
            }
        }
        List<String> keyNames = range == null ? List.of(hash) : List.of(hash, range);
        if (!definedNames.containsAll(keyNames)) {
            throw DynamoDbError.invalidParameter(
                    "Some index key attributes are not defined in AttributeDefinitions. Keys: " + keyNames
                            + ", AttributeDefinitions: " + definedNames);
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

    ObjectNode describeTable(ObjectNode request) {
        String name = Requests.tableName(request);
        return described("Table", name, tables.get(name), "ACTIVE");
    }

    ObjectNode deleteTable(ObjectNode request) {
        String name = Requests.tableName(request);
        return described("TableDescription", name, tables.remove(name), "DELETING");
    }

    /** {@code {field: description}} of {@code table} in {@code status}; no table is ResourceNotFound. */
    private static ObjectNode described(String field, String name, Table table, String status) {
        if (table == null) {
            throw DynamoDbError.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        ObjectNode response = JSON.objectNode();
        response.set(field, table.description.toJson(status, table.itemCount()));
        return response;
    }

    ObjectNode listTables(ObjectNode request) {
        int limit = Requests.integer(request, "Limit", 100);
        if (limit < 1 || limit > 100) {
            throw DynamoDbError.constraint(
                    "'" + limit + "'",
                    "limit",
                    limit < 1
                            ? "must have value greater than or equal to 1"
                            : "must have value less than or equal to 100");
        }
        String start = Requests.text(request, "ExclusiveStartTableName", null);
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
}
