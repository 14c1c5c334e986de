package dev.tollgate.appsync;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.appsync.dynamodb.DynamoDbAnswer;
import dev.tollgate.appsync.dynamodb.DynamoDbApi;
import dev.tollgate.appsync.dynamodb.DynamoDbException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The notes table: partition key {@code userId}, sort key {@code noteId} (notes-table.json). Every
 * operation names the user in the key, so one user's calls can never touch another's items.
 */
final class NotesStore {

    static final String USER = "userId";
    static final String NOTE = "noteId";
    static final String TEXT = "text";
    static final String CREATED_AT = "createdAt";

    private final DynamoDbApi dynamo;
    private final String table;

    NotesStore(DynamoDbApi dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The user's notes, newest first (note ids are time-ordered), at most {@code limit}. */
    List<Note> list(String userId, int limit) {
        List<Note> notes = new ArrayList<>();
        Optional<Map<String, String>> start = Optional.empty();
        do {
            int left = limit - notes.size();
            Optional<Map<String, String>> from = start;
            DynamoDbAnswer page = dynamo.call("Query", json -> {
                byUser(json, userId);
                json.writeBooleanField("ScanIndexForward", false);
                json.writeNumberField("Limit", left);
                startKey(json, from);
            });
            page.items().forEach(item -> notes.add(toNote(item)));
            start = notes.size() < limit ? page.lastEvaluatedKey() : Optional.empty();
        } while (start.isPresent());
        return notes;
    }

    /** A strongly consistent count: the cap check must see the write that was just made. */
    int count(String userId) {
        return countPages(start -> dynamo.call("Query", json -> {
            byUser(json, userId);
            json.writeStringField("Select", "COUNT");
            json.writeBooleanField("ConsistentRead", true);
            startKey(json, start);
        }));
    }

    /** Every user's notes, counted: a {@code Scan} that reads keys only ({@code Select: COUNT}), page by page. */
    int countAll() {
        return countPages(start -> dynamo.call("Scan", json -> {
            json.writeStringField("TableName", table);
            json.writeStringField("Select", "COUNT");
            startKey(json, start);
        }));
    }

    /** Sums the counts of every page, following {@code LastEvaluatedKey} until there is none. */
    private static int countPages(Function<Optional<Map<String, String>>, DynamoDbAnswer> read) {
        int count = 0;
        Optional<Map<String, String>> start = Optional.empty();
        do {
            DynamoDbAnswer page = read.apply(start);
            count += page.count();
            start = page.lastEvaluatedKey();
        } while (start.isPresent());
        return count;
    }

    /** Stores a new note; the condition guarantees an existing note is never overwritten. */
    void add(String userId, Note note) {
        dynamo.call("PutItem", json -> {
            json.writeStringField("TableName", table);
            item(
                    json,
                    "Item",
                    Map.of(
                            USER, userId,
                            NOTE, note.id(),
                            TEXT, note.text(),
                            CREATED_AT, Note.AWS_DATE_TIME.format(note.createdAt())));
            json.writeStringField("ConditionExpression", "attribute_not_exists(#note)");
            names(json, "#note", NOTE);
        });
    }

    /** Deletes the user's note and returns it; empty when the user has no note with that id. */
    Optional<Note> delete(String userId, String noteId) {
        try {
            DynamoDbAnswer answer = dynamo.call("DeleteItem", json -> {
                json.writeStringField("TableName", table);
                item(json, "Key", Map.of(USER, userId, NOTE, noteId));
                json.writeStringField("ConditionExpression", "attribute_exists(#note)");
                names(json, "#note", NOTE);
                json.writeStringField("ReturnValues", "ALL_OLD");
            });
            return Optional.of(toNote(answer.attributes()
                    .orElseThrow(() -> new IllegalStateException("a DeleteItem answer without the old item"))));
        } catch (DynamoDbException e) {
            if (e.isConditionalCheckFailed()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void byUser(JsonGenerator json, String userId) throws IOException {
        json.writeStringField("TableName", table);
        json.writeStringField("KeyConditionExpression", "#user = :user");
        names(json, "#user", USER);
        item(json, "ExpressionAttributeValues", Map.of(":user", userId));
    }

    private static void startKey(JsonGenerator json, Optional<Map<String, String>> start) throws IOException {
        if (start.isPresent()) {
            item(json, "ExclusiveStartKey", start.get());
        }
    }

    private static void names(JsonGenerator json, String placeholder, String attribute) throws IOException {
        json.writeObjectFieldStart("ExpressionAttributeNames");
        json.writeStringField(placeholder, attribute);
        json.writeEndObject();
    }

    /** {@code "field": {"name": {"S": "value"}, ...}}: the table holds strings only. */
    private static void item(JsonGenerator json, String field, Map<String, String> values) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, String> value : values.entrySet()) {
            json.writeObjectFieldStart(value.getKey());
            json.writeStringField("S", value.getValue());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static Note toNote(Map<String, String> item) {
        return new Note(required(item, NOTE), required(item, TEXT), Instant.parse(required(item, CREATED_AT)));
    }

    private static String required(Map<String, String> item, String attribute) {
        String value = item.get(attribute);
        if (value == null) {
            // The message names the attribute only: the item's values stay out of the log.
            throw new IllegalStateException("a notes item without the string attribute " + attribute);
        }
        return value;
    }
}
