package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One table's items, in memory. Every method holds the table's lock for its whole read-check-write, so a
 * conditional write is atomic against concurrent requests, as in DynamoDB. Items go in and come out as deep
 * copies: nothing a caller holds can change what is stored.
 */
final class Table {

    final TableDescription description;
    private final Map<KeyValue, NavigableMap<KeyValue, ObjectNode>> partitions = new HashMap<>();
    private int itemCount;

    Table(TableDescription description) {
        this.description = description;
    }

    KeySchema keySchema() {
        return description.keySchema();
    }

    synchronized int itemCount() {
        return itemCount;
    }

    synchronized ObjectNode get(KeySchema.PrimaryKey key) {
        NavigableMap<KeyValue, ObjectNode> partition = partitions.get(key.partition());
        ObjectNode item = partition == null ? null : partition.get(key.sort());
        return item == null ? null : item.deepCopy();
    }

    /**
     * Stores {@code item} if {@code condition} holds for the item now stored under its key (null if none).
     *
     * @return the item it replaced, or null
     */
    synchronized ObjectNode put(ObjectNode item, Predicate<JsonNode> condition) {
        KeySchema.PrimaryKey key = keySchema().ofItem(item);
        NavigableMap<KeyValue, ObjectNode> partition =
                partitions.computeIfAbsent(key.partition(), k -> new TreeMap<>());
        ObjectNode old = partition.get(key.sort());
        if (!condition.test(old)) {
            if (partition.isEmpty()) {
                partitions.remove(key.partition());
            }
            throw DynamoDbError.conditionalCheckFailed();
        }
        partition.put(key.sort(), item.deepCopy());
        if (old == null) {
            itemCount++;
        }
        return old;
    }

    /**
     * Removes the item under {@code key} if {@code condition} holds for it (null if there is none).
     *
     * @return the removed item, or null
     */
    synchronized ObjectNode delete(KeySchema.PrimaryKey key, Predicate<JsonNode> condition) {
        NavigableMap<KeyValue, ObjectNode> partition = partitions.get(key.partition());
        ObjectNode old = partition == null ? null : partition.get(key.sort());
        if (!condition.test(old)) {
            throw DynamoDbError.conditionalCheckFailed();
        }
        if (old != null) {
            partition.remove(key.sort());
            itemCount--;
            if (partition.isEmpty()) {
                partitions.remove(key.partition());
            }
        }
        return old;
    }

    /**
     * The items of one partition that match {@code filter}, in sort-key order (reversed when not forward),
     * starting after {@code exclusiveStart} (a sort key, or null), at most {@code limit} of them.
     *
     * @return the page; {@code truncated} says whether {@code limit} stopped it early
     */
    synchronized Page query(
            KeyValue partitionKey, Predicate<JsonNode> filter, boolean forward, KeyValue exclusiveStart, int limit) {
        NavigableMap<KeyValue, ObjectNode> partition = partitions.getOrDefault(partitionKey, new TreeMap<>());
        NavigableMap<KeyValue, ObjectNode> ordered = forward ? partition : partition.descendingMap();
        if (exclusiveStart != null) {
            ordered = ordered.tailMap(exclusiveStart, false);
        }
        List<ObjectNode> items = new ArrayList<>();
        for (ObjectNode item : ordered.values()) {
            if (filter.test(item)) {
                items.add(item.deepCopy());
                // DynamoDB reports LastEvaluatedKey whenever Limit stopped it, even with nothing left.
                if (items.size() == limit) {
                    return new Page(items, true);
                }
            }
        }
        return new Page(items, false);
    }

    record Page(List<ObjectNode> items, boolean truncated) {}
}
