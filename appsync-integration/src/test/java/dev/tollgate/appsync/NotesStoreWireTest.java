package dev.tollgate.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.appsync.dynamodb.AwsCredentials;
import dev.tollgate.appsync.dynamodb.DynamoDbApi;
import dev.tollgate.stack.StackFunctions;
import dev.tollgate.testkit.CannedCore;
import dev.tollgate.testkit.CannedCore.Answer;
import dev.tollgate.testkit.LocalDynamoDb;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The requests {@link NotesStore} sends are the ones the AWS SDK's own {@code DynamoDbClient} sends for
 * the same call: same target, same content type, the same JSON. The SDK is the reference for
 * DynamoDB's wire format; each pair below is captured by one loopback server.
 */
class NotesStoreWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "tollgate-notes";
    private static final String ALICE = "user-alice";
    private static final String NOTE_ID = "0190f2b4-3f6a-7c1e-9d2b-5a4e3c2b1a09";
    private static final String NOTE_ITEM = "{\"userId\":{\"S\":\"" + ALICE + "\"},\"noteId\":{\"S\":\"" + NOTE_ID
            + "\"},\"text\":{\"S\":\"hello\"},\"createdAt\":{\"S\":\"2026-12-05T10:00:00Z\"}}";

    private CannedCore dynamo;
    private NotesStore store;
    private DynamoDbClient sdk;

    @BeforeEach
    void start() throws IOException {
        dynamo = new CannedCore();
        store = new NotesStore(
                new DynamoDbApi(dynamo.uri(), "us-east-1", AwsCredentials.of("test", "test", Optional.empty())), TABLE);
        sdk = LocalDynamoDb.client(dynamo.uri());
    }

    @AfterEach
    void stop() {
        sdk.close();
        dynamo.close();
    }

    /** Runs ours, then the SDK's, against the same canned answers, and compares what each sent. */
    private void sameAsSdk(String answer, Runnable ours, Consumer<DynamoDbClient> sdkCall) throws IOException {
        dynamo.on("POST", "/", 200, answer);
        ours.run();
        CannedCore.Received mine = dynamo.last();
        sdkCall.accept(sdk);
        CannedCore.Received reference = dynamo.last();
        assertThat(mine.header("x-amz-target")).isEqualTo(reference.header("x-amz-target"));
        assertThat(mine.header("content-type")).isEqualTo(reference.header("content-type"));
        JsonNode expected = JSON.readTree(reference.body());
        assertThat(JSON.readTree(mine.body())).isEqualTo(expected);
    }

    private static QueryRequest.Builder byUser() {
        return QueryRequest.builder()
                .tableName(TABLE)
                .keyConditionExpression("#user = :user")
                .expressionAttributeNames(Map.of("#user", "userId"))
                .expressionAttributeValues(Map.of(":user", AttributeValue.fromS(ALICE)));
    }

    @Test
    void listIsANewestFirstQueryOfTheUsersKey() throws IOException {
        sameAsSdk(
                "{\"Items\":[" + NOTE_ITEM + "],\"Count\":1}",
                () -> assertThat(store.list(ALICE, 5)).extracting(Note::id).containsExactly(NOTE_ID),
                sdk -> sdk.query(byUser().scanIndexForward(false).limit(5).build()));
    }

    @Test
    void listFollowsTheLastEvaluatedKey() throws IOException {
        String key = "{\"userId\":{\"S\":\"" + ALICE + "\"},\"noteId\":{\"S\":\"" + NOTE_ID + "\"}}";
        dynamo.on(
                "POST",
                "/",
                new Answer(200, "{\"Items\":[" + NOTE_ITEM + "],\"Count\":1,\"LastEvaluatedKey\":" + key + "}", 0),
                new Answer(200, "{\"Items\":[],\"Count\":0}", 0));
        assertThat(store.list(ALICE, 5)).hasSize(1);
        JsonNode second = JSON.readTree(dynamo.last().body());

        sdk.query(byUser().scanIndexForward(false)
                .limit(4)
                .exclusiveStartKey(Map.of(
                        "userId", AttributeValue.fromS(ALICE),
                        "noteId", AttributeValue.fromS(NOTE_ID)))
                .build());
        assertThat(second).isEqualTo(JSON.readTree(dynamo.last().body()));
    }

    @Test
    void countIsAConsistentCountOfTheUsersKey() throws IOException {
        sameAsSdk(
                "{\"Count\":3,\"ScannedCount\":3}",
                () -> assertThat(store.count(ALICE)).isEqualTo(3),
                sdk -> sdk.query(
                        byUser().select(Select.COUNT).consistentRead(true).build()));
    }

    @Test
    void countAllIsACountingScan() throws IOException {
        sameAsSdk(
                "{\"Count\":9,\"ScannedCount\":9}",
                () -> assertThat(store.countAll()).isEqualTo(9),
                sdk -> sdk.scan(b -> b.tableName(TABLE).select(Select.COUNT)));
    }

    @Test
    void addIsAPutThatNeverOverwrites() throws IOException {
        Note note = new Note(NOTE_ID, "hello", Instant.parse("2026-12-05T10:00:00Z"));
        sameAsSdk(
                "{}",
                () -> store.add(ALICE, note),
                sdk -> sdk.putItem(b -> b.tableName(TABLE)
                        .item(Map.of(
                                "userId", AttributeValue.fromS(ALICE),
                                "noteId", AttributeValue.fromS(NOTE_ID),
                                "text", AttributeValue.fromS("hello"),
                                "createdAt", AttributeValue.fromS("2026-12-05T10:00:00.000Z")))
                        .conditionExpression("attribute_not_exists(#note)")
                        .expressionAttributeNames(Map.of("#note", "noteId"))));
    }

    @Test
    void deleteIsAConditionalDeleteThatReturnsTheOldItem() throws IOException {
        sameAsSdk(
                "{\"Attributes\":" + NOTE_ITEM + "}",
                () -> assertThat(store.delete(ALICE, NOTE_ID)).map(Note::text).contains("hello"),
                sdk -> sdk.deleteItem(b -> b.tableName(TABLE)
                        .key(Map.of("userId", AttributeValue.fromS(ALICE), "noteId", AttributeValue.fromS(NOTE_ID)))
                        .conditionExpression("attribute_exists(#note)")
                        .expressionAttributeNames(Map.of("#note", "noteId"))
                        .returnValues(ReturnValue.ALL_OLD)));
    }

    @Test
    void deletingANoteThatIsNotThereIsEmpty() {
        dynamo.on(
                "POST",
                "/",
                400,
                "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException\","
                        + "\"message\":\"The conditional request failed\"}");
        assertThat(store.delete(ALICE, NOTE_ID)).isEmpty();
        assertThat(dynamo.received()).hasSize(1);
    }

    /** The deployed role allows exactly {@link StackFunctions#RESOLVER_DYNAMODB_OPERATIONS}: a call beyond them is denied. */
    @Test
    void makesOnlyTheOperationsTheStackGrants() {
        dynamo.on("POST", "/", 200, "{\"Items\":[],\"Count\":0,\"Attributes\":" + NOTE_ITEM + "}");
        store.list(ALICE, 5);
        store.count(ALICE);
        store.countAll();
        store.add(ALICE, new Note(NOTE_ID, "hello", Instant.parse("2026-12-05T10:00:00Z")));
        store.delete(ALICE, NOTE_ID);
        assertThat(dynamo.received().stream()
                        .map(r -> r.header("x-amz-target").substring("DynamoDB_20120810.".length()))
                        .distinct())
                .containsExactlyInAnyOrderElementsOf(StackFunctions.RESOLVER_DYNAMODB_OPERATIONS);
    }
}
