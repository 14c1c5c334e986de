package dev.tollgate.appsync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The notes table: partition key {@code userId}, sort key {@code noteId} (notes-table.json). Every
 * operation names the user in the key, so one user's calls can never touch another's items.
 */
final class NotesStore {

    static final String USER = "userId";
    static final String NOTE = "noteId";
    static final String TEXT = "text";
    static final String CREATED_AT = "createdAt";

    private final DynamoDbClient dynamo;
    private final String table;

    NotesStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** The user's notes, newest first (note ids are time-ordered), at most {@code limit}. */
    List<Note> list(String userId, int limit) {
        List<Note> notes = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse page = dynamo.query(byUser(userId)
                    .scanIndexForward(false)
                    .limit(limit - notes.size())
                    .exclusiveStartKey(start)
                    .build());
            page.items().forEach(item -> notes.add(toNote(item)));
            start = page.hasLastEvaluatedKey() && notes.size() < limit ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return notes;
    }

    /** A strongly consistent count: the cap check must see the write that was just made. */
    int count(String userId) {
        return countPages(start -> {
            QueryResponse page = dynamo.query(byUser(userId)
                    .select(Select.COUNT)
                    .consistentRead(true)
                    .exclusiveStartKey(start)
                    .build());
            return new CountedPage(page.count(), page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null);
        });
    }

    /** Every user's notes, counted: a {@code Scan} that reads keys only ({@code Select: COUNT}), page by page. */
    int countAll() {
        return countPages(start -> {
            ScanResponse page = dynamo.scan(ScanRequest.builder()
                    .tableName(table)
                    .select(Select.COUNT)
                    .exclusiveStartKey(start)
                    .build());
            return new CountedPage(page.count(), page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null);
        });
    }

    /** One page of a {@code Select: COUNT} read: its count, and where the next page starts (null: none). */
    private record CountedPage(int count, Map<String, AttributeValue> next) {}

    /** Sums the counts of every page, following {@code LastEvaluatedKey} until there is none. */
    private static int countPages(Function<Map<String, AttributeValue>, CountedPage> read) {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            CountedPage page = read.apply(start);
            count += page.count();
            start = page.next();
        } while (start != null);
        return count;
    }

    /** Stores a new note; the condition guarantees an existing note is never overwritten. */
    void add(String userId, Note note) {
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        USER,
                        s(userId),
                        NOTE,
                        s(note.id()),
                        TEXT,
                        s(note.text()),
                        CREATED_AT,
                        s(Note.AWS_DATE_TIME.format(note.createdAt()))))
                .conditionExpression("attribute_not_exists(#note)")
                .expressionAttributeNames(Map.of("#note", NOTE)));
    }

    /** Deletes the user's note and returns it; empty when the user has no note with that id. */
    Optional<Note> delete(String userId, String noteId) {
        try {
            DeleteItemResponse response = dynamo.deleteItem(b -> b.tableName(table)
                    .key(Map.of(USER, s(userId), NOTE, s(noteId)))
                    .conditionExpression("attribute_exists(#note)")
                    .expressionAttributeNames(Map.of("#note", NOTE))
                    .returnValues(ReturnValue.ALL_OLD));
            return Optional.of(toNote(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private QueryRequest.Builder byUser(String userId) {
        return QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#user = :user")
                .expressionAttributeNames(Map.of("#user", USER))
                .expressionAttributeValues(Map.of(":user", s(userId)));
    }

    private static Note toNote(Map<String, AttributeValue> item) {
        return new Note(
                item.get(NOTE).s(),
                item.get(TEXT).s(),
                Instant.parse(item.get(CREATED_AT).s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
