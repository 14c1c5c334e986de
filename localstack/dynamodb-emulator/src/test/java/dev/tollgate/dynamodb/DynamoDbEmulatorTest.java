package dev.tollgate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.testkit.LocalDynamoDb;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ListTablesResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Drives the emulator with the real AWS SDK v2 client, as Tollgate's resolver does. */
class DynamoDbEmulatorTest {

    private static DynamoDbEmulator emulator;
    private static DynamoDbClient dynamo;
    private static final AtomicInteger TABLES = new AtomicInteger();
    private String table;

    @BeforeAll
    static void start() {
        emulator = DynamoDbEmulator.start(0, false);
        dynamo = LocalDynamoDb.client(emulator.endpoint());
    }

    @AfterAll
    static void stop() {
        dynamo.close();
        emulator.close();
    }

    @BeforeEach
    void createNotesTable() {
        table = "notes-" + TABLES.incrementAndGet();
        dynamo.createTable(notesTable(table));
    }

    private static CreateTableRequest notesTable(String name) {
        return CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(stringAttribute("userId"), stringAttribute("noteId"))
                .keySchema(key("userId", KeyType.HASH), key("noteId", KeyType.RANGE))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .build();
    }

    private static AttributeDefinition stringAttribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static Map<String, AttributeValue> note(String user, String id, String text) {
        return Map.of("userId", s(user), "noteId", s(id), "text", s(text));
    }

    private void put(String user, String id, String text) {
        dynamo.putItem(b -> b.tableName(table).item(note(user, id, text)));
    }

    private static void assertValidation(Runnable call, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    // ---- tables ----

    @Test
    void describesListsAndDeletesTables() {
        TableDescription described =
                dynamo.describeTable(b -> b.tableName(table)).table();
        assertThat(described.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(described.keySchema())
                .extracting(KeySchemaElement::attributeName)
                .containsExactly("userId", "noteId");
        assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(described.tableArn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/" + table);
        put("u1", "n1", "a");
        assertThat(dynamo.describeTable(b -> b.tableName(table)).table().itemCount())
                .isEqualTo(1);

        assertThat(dynamo.listTables().tableNames()).contains(table);
        assertThat(dynamo.deleteTable(b -> b.tableName(table))
                        .tableDescription()
                        .tableStatus())
                .isEqualTo(TableStatus.DELETING);
        assertThat(dynamo.listTables().tableNames()).doesNotContain(table);
        assertThatThrownBy(() -> dynamo.describeTable(b -> b.tableName(table)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: " + table + " not found");
    }

    @Test
    void listTablesPages() {
        ListTablesResponse first = dynamo.listTables(b -> b.limit(1));
        assertThat(first.tableNames()).hasSize(1);
        assertThat(first.lastEvaluatedTableName()).isEqualTo(first.tableNames().get(0));
        ListTablesResponse rest = dynamo.listTables(b -> b.exclusiveStartTableName(first.lastEvaluatedTableName()));
        assertThat(rest.tableNames()).doesNotContain(first.tableNames().get(0));
        assertThat(rest.lastEvaluatedTableName()).isNull();
        assertValidation(
                () -> dynamo.listTables(b -> b.limit(0)),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void refusesAnExistingTable() {
        assertThatThrownBy(() -> dynamo.createTable(notesTable(table)))
                .isInstanceOfSatisfying(ResourceInUseException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Table already exists: " + table);
                });
    }

    @Test
    void refusesBadTableDefinitions() {
        assertValidation(
                () -> dynamo.createTable(notesTable("x")),
                "1 validation error detected: Value 'x' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
        assertValidation(
                () -> dynamo.createTable(notesTable("bad name")),
                "1 validation error detected: Value 'bad name' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        assertValidation(
                () -> dynamo.createTable(notesTable("t-provisioned").toBuilder()
                        .billingMode(BillingMode.PROVISIONED)
                        .build()),
                "One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
        assertValidation(
                () -> dynamo.createTable(notesTable("t-extra").toBuilder()
                        .attributeDefinitions(
                                stringAttribute("userId"), stringAttribute("noteId"), stringAttribute("text"))
                        .build()),
                "One or more parameter values were invalid: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        assertValidation(
                () -> dynamo.createTable(notesTable("t-undefined").toBuilder()
                        .attributeDefinitions(stringAttribute("userId"))
                        .build()),
                "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [userId, noteId], AttributeDefinitions: [userId]");
        assertValidation(
                () -> dynamo.createTable(notesTable("t-order").toBuilder()
                        .keySchema(key("noteId", KeyType.RANGE), key("userId", KeyType.HASH))
                        .build()),
                "Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        assertThat(dynamo.listTables().tableNames()).noneMatch(name -> name.startsWith("t-"));
    }

    @Test
    void itemOperationsOnAMissingTableAreResourceNotFound() {
        Consumer<Runnable> notFound =
                call -> assertThatThrownBy(call::run).isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found");
                });
        notFound.accept(() -> dynamo.putItem(b -> b.tableName("missing").item(note("u", "n", "t"))));
        notFound.accept(() ->
                dynamo.getItem(b -> b.tableName("missing").key(Map.of("userId", s("u"), "noteId", s("n")))));
        notFound.accept(() ->
                dynamo.deleteItem(b -> b.tableName("missing").key(Map.of("userId", s("u"), "noteId", s("n")))));
        notFound.accept(() -> dynamo.query(b -> b.tableName("missing")
                .keyConditionExpression("userId = :u")
                .expressionAttributeValues(Map.of(":u", s("u")))));
        assertThatThrownBy(() -> dynamo.deleteTable(b -> b.tableName("missing")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    // ---- items ----

    @Test
    void scanCountsEveryItemOfEveryUserAndRefusesOtherForms() {
        put("u1", "n1", "one");
        put("u1", "n2", "two");
        put("u2", "n1", "three");
        ScanResponse counted = dynamo.scan(b -> b.tableName(table).select(Select.COUNT));
        assertThat(counted.count()).isEqualTo(3);
        assertThat(counted.scannedCount()).isEqualTo(3);
        assertThat(counted.hasLastEvaluatedKey()).isFalse();
        assertThat(counted.hasItems()).isFalse();

        assertValidation(
                () -> dynamo.scan(b -> b.tableName(table)),
                "Scan is supported only with Select COUNT by the Tollgate DynamoDB emulator");
        assertValidation(
                () -> dynamo.scan(b -> b.tableName(table).select(Select.COUNT).limit(1)),
                "Scan with Limit is not supported by the Tollgate DynamoDB emulator");
    }

    @Test
    void putsGetsReplacesAndDeletes() {
        put("u1", "n1", "first");
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("userId", s("u1"), "noteId", s("n1"))))
                        .item())
                .isEqualTo(note("u1", "n1", "first"));

        PutItemResponse replaced = dynamo.putItem(
                b -> b.tableName(table).item(note("u1", "n1", "second")).returnValues(ReturnValue.ALL_OLD));
        assertThat(replaced.attributes()).isEqualTo(note("u1", "n1", "first"));

        DeleteItemResponse deleted = dynamo.deleteItem(b -> b.tableName(table)
                .key(Map.of("userId", s("u1"), "noteId", s("n1")))
                .returnValues(ReturnValue.ALL_OLD));
        assertThat(deleted.attributes()).isEqualTo(note("u1", "n1", "second"));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("userId", s("u1"), "noteId", s("n1"))))
                        .hasItem())
                .isFalse();
        // Deleting what is not there succeeds and returns nothing, as in DynamoDB.
        assertThat(dynamo.deleteItem(b -> b.tableName(table)
                                .key(Map.of("userId", s("u1"), "noteId", s("n1")))
                                .returnValues(ReturnValue.ALL_OLD))
                        .hasAttributes())
                .isFalse();
    }

    @Test
    void keepsEveryAttributeTypeIntact() {
        Map<String, AttributeValue> item = Map.of(
                "userId",
                s("u"),
                "noteId",
                s("n"),
                "n",
                AttributeValue.fromN("12.50"),
                "b",
                AttributeValue.fromBool(true),
                "nul",
                AttributeValue.fromNul(true),
                "l",
                AttributeValue.fromL(List.of(s("a"), AttributeValue.fromN("1"))),
                "m",
                AttributeValue.fromM(Map.of("k", s("v"))),
                "ss",
                AttributeValue.fromSs(List.of("x", "y")),
                "empty",
                s(""));
        dynamo.putItem(b -> b.tableName(table).item(item));
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("userId", s("u"), "noteId", s("n"))))
                        .item())
                .isEqualTo(item);
    }

    @Test
    void refusesBadItemsAndKeys() {
        assertValidation(
                () -> dynamo.putItem(b -> b.tableName(table).item(Map.of("userId", s("u")))),
                "One or more parameter values were invalid: Missing the key noteId in the item");
        assertValidation(
                () -> dynamo.putItem(
                        b -> b.tableName(table).item(Map.of("userId", AttributeValue.fromN("1"), "noteId", s("n")))),
                "One or more parameter values were invalid: Type mismatch for key userId expected: S actual: N");
        assertValidation(
                () -> dynamo.putItem(b -> b.tableName(table).item(Map.of("userId", s(""), "noteId", s("n")))),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: userId");
        assertValidation(
                () -> dynamo.putItem(b -> b.tableName(table)
                        .item(Map.of(
                                "userId",
                                s("u"),
                                "noteId",
                                s("n"),
                                "x",
                                AttributeValue.builder().build()))),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertValidation(
                () -> dynamo.putItem(b -> b.tableName(table)
                        .item(Map.of("userId", s("u"), "noteId", s("n"), "x", AttributeValue.fromN("twelve")))),
                "A value provided cannot be converted into a number");
        assertValidation(
                () -> dynamo.putItem(b -> b.tableName(table)
                        .item(Map.of("userId", s("u"), "noteId", s("n"), "x", s("x".repeat(400 * 1024))))),
                "Item size has exceeded the maximum allowed size");
        assertValidation(
                () -> dynamo.getItem(b -> b.tableName(table).key(Map.of("userId", s("u")))),
                "The provided key element does not match the schema");
        assertValidation(
                () -> dynamo.getItem(
                        b -> b.tableName(table).key(Map.of("userId", s("u"), "noteId", s("n"), "text", s("t")))),
                "The provided key element does not match the schema");
        assertValidation(
                () -> dynamo.deleteItem(
                        b -> b.tableName(table).key(Map.of("userId", s("u"), "noteId", AttributeValue.fromN("1")))),
                "The provided key element does not match the schema");
        assertValidation(
                () -> dynamo.putItem(
                        b -> b.tableName(table).item(note("u", "n", "t")).returnValues(ReturnValue.ALL_NEW)),
                "Return values set to invalid value");
        assertThat(dynamo.describeTable(b -> b.tableName(table)).table().itemCount())
                .isZero();
    }

    // ---- conditions ----

    @Test
    void conditionalPutRefusesAnExistingItem() {
        put("u1", "n1", "first");
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table)
                        .item(note("u1", "n1", "second"))
                        .conditionExpression("attribute_not_exists(#n)")
                        .expressionAttributeNames(Map.of("#n", "noteId"))))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ConditionalCheckFailedException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
                });
        assertThat(dynamo.getItem(b -> b.tableName(table).key(Map.of("userId", s("u1"), "noteId", s("n1"))))
                        .item()
                        .get("text")
                        .s())
                .isEqualTo("first");
        dynamo.putItem(b ->
                b.tableName(table).item(note("u1", "n2", "other")).conditionExpression("attribute_not_exists(noteId)"));
    }

    @Test
    void conditionalDeleteNeedsTheItem() {
        assertThatThrownBy(() -> dynamo.deleteItem(b -> b.tableName(table)
                        .key(Map.of("userId", s("u1"), "noteId", s("n1")))
                        .conditionExpression("attribute_exists(noteId)")))
                .isInstanceOf(ConditionalCheckFailedException.class);
        put("u1", "n1", "hello");
        assertThatThrownBy(() -> dynamo.deleteItem(b -> b.tableName(table)
                        .key(Map.of("userId", s("u1"), "noteId", s("n1")))
                        .conditionExpression("#t = :t")
                        .expressionAttributeNames(Map.of("#t", "text"))
                        .expressionAttributeValues(Map.of(":t", s("bye")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
        dynamo.deleteItem(b -> b.tableName(table)
                .key(Map.of("userId", s("u1"), "noteId", s("n1")))
                .conditionExpression("attribute_exists(noteId) AND (#t = :t OR size(#t) > :max) AND NOT #t <> :t")
                .expressionAttributeNames(Map.of("#t", "text"))
                .expressionAttributeValues(Map.of(":t", s("hello"), ":max", AttributeValue.fromN("100"))));
    }

    @Test
    void sizeComparesLengths() {
        put("u1", "n1", "hello");
        dynamo.putItem(b -> b.tableName(table)
                .item(note("u1", "n1", "again"))
                .conditionExpression("size(#t) = :five AND size(#t) BETWEEN :one AND :five")
                .expressionAttributeNames(Map.of("#t", "text"))
                .expressionAttributeValues(
                        Map.of(":five", AttributeValue.fromN("5"), ":one", AttributeValue.fromN("1"))));
        assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName(table)
                        .item(note("u1", "n1", "x"))
                        .conditionExpression("size(#t) < :five")
                        .expressionAttributeNames(Map.of("#t", "text"))
                        .expressionAttributeValues(Map.of(":five", AttributeValue.fromN("5")))))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void refusesBadConditionExpressions() {
        assertPutRefused(
                b -> b.conditionExpression("attribute_not_exists(#missing)"),
                "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #missing");
        assertPutRefused(
                b -> b.conditionExpression("noteId = :v"),
                "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :v");
        assertPutRefused(
                b -> b.conditionExpression("attribute_not_exists(noteId)")
                        .expressionAttributeValues(Map.of(":unused", s("x"))),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        assertPutRefused(
                b -> b.conditionExpression("attribute_not_exists(noteId)")
                        .expressionAttributeNames(Map.of("#unused", "x")),
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}");
        assertPutRefused(
                b -> b.expressionAttributeNames(Map.of("#n", "noteId")),
                "ExpressionAttributeNames can only be specified when using expressions");
        assertPutRefused(
                b -> b.conditionExpression("no_such_function(noteId)"),
                "Invalid ConditionExpression: Invalid function name; function: no_such_function");
        assertPutRefused(
                b -> b.conditionExpression("noteId = = :v").expressionAttributeValues(Map.of(":v", s("x"))),
                "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= =\"");
        assertPutRefused(
                b -> b.conditionExpression("noteId = :v").expressionAttributeValues(Map.of("v", s("x"))),
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
        assertThat(dynamo.describeTable(b -> b.tableName(table)).table().itemCount())
                .isZero();
    }

    /** A put of a valid note, with {@code request} adding what makes it invalid, is a ValidationException. */
    private void assertPutRefused(Consumer<PutItemRequest.Builder> request, String message) {
        assertValidation(
                () -> dynamo.putItem(b -> request.accept(b.tableName(table).item(note("u", "n", "t")))), message);
    }

    // ---- query ----

    @Test
    void queriesOnePartitionInSortOrder() {
        put("u1", "b", "2");
        put("u1", "a", "1");
        put("u1", "c", "3");
        put("u2", "a", "other user");
        QueryRequest.Builder base = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#u = :u")
                .expressionAttributeNames(Map.of("#u", "userId"))
                .expressionAttributeValues(Map.of(":u", s("u1")));

        QueryResponse forward = dynamo.query(base.build());
        assertThat(forward.items()).extracting(i -> i.get("noteId").s()).containsExactly("a", "b", "c");
        assertThat(forward.count()).isEqualTo(3);
        assertThat(forward.hasLastEvaluatedKey()).isFalse();

        QueryResponse backward = dynamo.query(base.scanIndexForward(false).build());
        assertThat(backward.items()).extracting(i -> i.get("noteId").s()).containsExactly("c", "b", "a");

        QueryResponse limited =
                dynamo.query(base.scanIndexForward(false).limit(2).build());
        assertThat(limited.items()).extracting(i -> i.get("noteId").s()).containsExactly("c", "b");
        assertThat(limited.lastEvaluatedKey()).isEqualTo(Map.of("userId", s("u1"), "noteId", s("b")));
        QueryResponse next = dynamo.query(base.scanIndexForward(false)
                .limit(2)
                .exclusiveStartKey(limited.lastEvaluatedKey())
                .build());
        assertThat(next.items()).extracting(i -> i.get("noteId").s()).containsExactly("a");

        QueryResponse counted = dynamo.query(base.scanIndexForward(true)
                .limit(null)
                .exclusiveStartKey(null)
                .select(Select.COUNT)
                .build());
        assertThat(counted.count()).isEqualTo(3);
        assertThat(counted.hasItems()).isFalse();
    }

    @Test
    void queriesWithSortKeyConditions() {
        for (String id : List.of("a1", "a2", "b1", "b2", "c1")) {
            put("u1", id, id);
        }
        assertThat(sortKeys("#u = :u AND begins_with(#n, :p)", Map.of(":u", s("u1"), ":p", s("b"))))
                .containsExactly("b1", "b2");
        assertThat(sortKeys(
                        "#u = :u AND #n BETWEEN :lo AND :hi", Map.of(":u", s("u1"), ":lo", s("a2"), ":hi", s("b2"))))
                .containsExactly("a2", "b1", "b2");
        assertThat(sortKeys("#n > :lo AND #u = :u", Map.of(":u", s("u1"), ":lo", s("b2"))))
                .containsExactly("c1");
        assertThat(sortKeys("#u = :u AND #n <= :hi", Map.of(":u", s("u1"), ":hi", s("a2"))))
                .containsExactly("a1", "a2");
        assertThat(sortKeys("#u = :u AND #n = :id", Map.of(":u", s("u1"), ":id", s("b1"))))
                .containsExactly("b1");
        assertThat(sortKeys("#u = :u AND #n < :x", Map.of(":u", s("nobody"), ":x", s("z"))))
                .isEmpty();
    }

    private List<String> sortKeys(String condition, Map<String, AttributeValue> values) {
        List<String> out = new ArrayList<>();
        dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression(condition)
                        .expressionAttributeNames(Map.of("#u", "userId", "#n", "noteId"))
                        .expressionAttributeValues(values))
                .items()
                .forEach(i -> out.add(i.get("noteId").s()));
        return out;
    }

    @Test
    void refusesBadQueries() {
        assertValidation(
                () -> dynamo.query(b -> b.tableName(table)),
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
        assertValidation(
                () -> dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("noteId = :n")
                        .expressionAttributeValues(Map.of(":n", s("x")))),
                "Query condition missed key schema element: userId");
        assertValidation(
                () -> dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("userId = :u OR noteId = :n")
                        .expressionAttributeValues(Map.of(":u", s("x"), ":n", s("y")))),
                "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR");
        assertValidation(
                () -> dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("userId = :u AND #t = :t")
                        .expressionAttributeNames(Map.of("#t", "text"))
                        .expressionAttributeValues(Map.of(":u", s("x"), ":t", s("y")))),
                "Query condition missed key schema element: userId");
        assertValidation(
                () -> dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("userId = :u")
                        .expressionAttributeValues(Map.of(":u", AttributeValue.fromN("1")))),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertValidation(
                () -> dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("userId = :u")
                        .limit(0)
                        .expressionAttributeValues(Map.of(":u", s("u")))),
                "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1");
        assertValidation(
                () -> dynamo.query(b -> b.tableName(table)
                        .keyConditionExpression("userId = :u")
                        .filterExpression("attribute_exists(#t)")
                        .expressionAttributeNames(Map.of("#t", "text"))
                        .expressionAttributeValues(Map.of(":u", s("u")))),
                "FilterExpression is not supported by the Tollgate DynamoDB emulator");
    }

    // ---- protocol ----

    @Test
    void answersProtocolErrorsInDynamoDbShape() throws Exception {
        HttpResponse<String> unknown = rawCall("DynamoDB_20120810.BatchWriteItem", true, "{}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).isEqualTo("{\"__type\":\"com.amazon.coral.service#UnknownOperationException\"}");
        assertThat(unknown.headers().firstValue("content-type")).hasValue("application/x-amz-json-1.0");

        HttpResponse<String> garbage = rawCall("DynamoDB_20120810.GetItem", false, "{not json");
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).startsWith("{\"__type\":\"com.amazon.coral.service#SerializationException\"");

        HttpResponse<String> noTable = rawCall("DynamoDB_20120810.GetItem", false, "{}");
        assertThat(noTable.body())
                .isEqualTo(
                        "{\"__type\":\"com.amazon.coral.validate#ValidationException\","
                                + "\"message\":\"1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null\"}");
    }

    /** One POST straight to the emulator, bypassing the SDK, with or without the JSON content type. */
    private static HttpResponse<String> rawCall(String target, boolean jsonContentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(emulator.endpoint())
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (jsonContentType) {
            request.header("Content-Type", "application/x-amz-json-1.0");
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void conditionalWritesAreAtomicUnderConcurrency() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int attempt = i;
                attempts.add(pool.submit(() -> {
                    try {
                        dynamo.putItem(b -> b.tableName(table)
                                .item(note("u1", "same", "attempt " + attempt))
                                .conditionExpression("attribute_not_exists(noteId)"));
                        return true;
                    } catch (ConditionalCheckFailedException e) {
                        return false;
                    }
                }));
            }
            int won = 0;
            for (Future<Boolean> f : attempts) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void serviceExceptionsCarryTheRequestId() {
        assertThatThrownBy(() ->
                        dynamo.getItem(b -> b.tableName("missing").key(Map.of("userId", s("u"), "noteId", s("n")))))
                .isInstanceOfSatisfying(
                        SdkServiceException.class,
                        e -> assertThat(e.requestId()).isNotBlank());
    }
}
