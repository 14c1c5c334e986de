package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The DynamoDB operations Tollgate uses, by X-Amz-Target name. Parameters DynamoDB has but this emulator
 * does not implement are refused by name, never silently ignored.
 */
final class Operations {

    private static final Set<String> KNOWN = Set.of(
            "CreateTable",
            "DescribeTable",
            "DeleteTable",
            "ListTables",
            "PutItem",
            "GetItem",
            "DeleteItem",
            "Query",
            "Scan");

    private final TableOperations tables;
    private final ItemOperations items;

    Operations(Clock clock) {
        ConcurrentMap<String, Table> registry = new ConcurrentHashMap<>();
        this.tables = new TableOperations(registry, clock);
        this.items = new ItemOperations(registry);
    }

    static boolean isKnown(String operation) {
        return KNOWN.contains(operation);
    }

    ObjectNode run(String operation, ObjectNode request) {
        Requests.refuseUnsupported(request);
        return switch (operation) {
            case "CreateTable" -> tables.createTable(request);
            case "DescribeTable" -> tables.describeTable(request);
            case "DeleteTable" -> tables.deleteTable(request);
            case "ListTables" -> tables.listTables(request);
            case "PutItem" -> items.putItem(request);
            case "GetItem" -> items.getItem(request);
            case "DeleteItem" -> items.deleteItem(request);
            case "Query" -> items.query(request);
            case "Scan" -> items.scan(request);
            default -> throw DynamoDbError.unknownOperation();
        };
    }
}
