package dev.tollgate.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.appsync.dynamodb.AwsCredentials;
import dev.tollgate.appsync.dynamodb.DynamoDbApi;
import dev.tollgate.dynamodb.DynamoDbEmulator;
import dev.tollgate.log.Level;
import dev.tollgate.testkit.Fixtures;
import dev.tollgate.testkit.LocalDynamoDb;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/** The resolver against the DynamoDB emulator, fed AppSync's direct-resolver events through Lambda's serializer. */
class ResolverHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "5d3f0c1e-8a4b-4c2d-9e6f-7a8b9c0d1e2f";
    private static final String BOB = "b0b0b0b0-1111-4222-8333-444455556666";
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static DynamoDbEmulator emulator;
    /** The SDK's own client: creates the tables and writes the items the resolver's client then reads. */
    private static DynamoDbClient dynamo;

    private static DynamoDbApi api;
    private ResolverHandler handler;
    private ByteArrayOutputStream logLines;

    @BeforeAll
    static void startDynamo() {
        emulator = DynamoDbEmulator.start(0, false);
        dynamo = LocalDynamoDb.client(emulator.endpoint());
        api = new DynamoDbApi(emulator.endpoint(), "us-east-1", AwsCredentials.of("test", "test", Optional.empty()));
    }

    @AfterAll
    static void stopDynamo() {
        dynamo.close();
        emulator.close();
    }

    @BeforeEach
    void freshTableAndHandler() throws IOException {
        handler = handlerWithCap(3);
    }

    private ResolverHandler handlerWithCap(int cap) throws IOException {
        return handlerWithCap(cap, Clock.systemUTC());
    }

    private ResolverHandler handlerWithCap(int cap, Clock clock) throws IOException {
        String table = createNotesTable();
        ResolverConfig config = new ResolverConfig(table, "us-east-1", Optional.of(emulator.endpoint()), cap);
        logLines = new ByteArrayOutputStream();
        NotesService service =
                new NotesService(new NotesStore(api, config.notesTable()), config.maxNotesPerUser(), clock);
        return new ResolverHandler(
                service, new InvocationLog(new PrintStream(logLines, true, StandardCharsets.UTF_8), Level.INFO));
    }

    /** The table exactly as notes-table.json defines it, under a fresh name per test. */
    private static String createNotesTable() throws IOException {
        ObjectNode definition;
        try (InputStream in = ResolverHandlerTest.class.getResourceAsStream("/stack/notes-table.json")) {
            definition = (ObjectNode) JSON.readTree(in);
        }
        String name = definition.get("TableName").asText() + "-" + TABLES.incrementAndGet();
        definition.put("TableName", name);
        CreateTableRequest request = CreateTableRequest.builder()
                .tableName(name)
                .attributeDefinitions(JSON
                        .convertValue(
                                definition.get("AttributeDefinitions"),
                                new TypeReference<List<Map<String, String>>>() {})
                        .stream()
                        .map(d -> AttributeDefinition.builder()
                                .attributeName(d.get("AttributeName"))
                                .attributeType(d.get("AttributeType"))
                                .build())
                        .toList())
                .keySchema(
                        JSON
                                .convertValue(
                                        definition.get("KeySchema"), new TypeReference<List<Map<String, String>>>() {})
                                .stream()
                                .map(k -> KeySchemaElement.builder()
                                        .attributeName(k.get("AttributeName"))
                                        .keyType(k.get("KeyType"))
                                        .build())
                                .toList())
                .billingMode(definition.get("BillingMode").asText())
                .build();
        dynamo.createTable(request);
        return name;
    }

    // ---- fixtures: one per operation, AppSync's event shape ----

    private static String fixture(String name) {
        return Fixtures.appsyncEvent(name);
    }

    /** A fixture with its caller, arguments or headers changed. */
    private static String event(String fixture, String userId, Consumer<ObjectNode> change) {
        try {
            ObjectNode event = (ObjectNode) JSON.readTree(fixture(fixture));
            ObjectNode headers = (ObjectNode) event.get("request").get("headers");
            if (userId == null) {
                headers.remove("x-user-id");
            } else {
                headers.put("x-user-id", userId);
            }
            change.accept(event);
            return JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String addNote(String userId, String text) {
        return event("mutation-addNote.json", userId, e -> ((ObjectNode) e.get("arguments")).put("text", text));
    }

    private static String deleteNote(String userId, String id) {
        return event("mutation-deleteNote.json", userId, e -> ((ObjectNode) e.get("arguments")).put("id", id));
    }

    private static String listNotes(String userId) {
        return event("query-notes.json", userId, e -> {});
    }

    private JsonNode ok(String eventJson) {
        LambdaBoundary.Outcome outcome = LambdaBoundary.invoke(handler, eventJson);
        assertThat(outcome.errorMessage()).isNull();
        try {
            return JSON.readTree(outcome.payloadJson());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private LambdaBoundary.Outcome fails(String eventJson) {
        LambdaBoundary.Outcome outcome = LambdaBoundary.invoke(handler, eventJson);
        assertThat(outcome.failed()).as("expected a function error").isTrue();
        return outcome;
    }

    /** {@code allNotesCount} as AppSync sends it; {@code adminRoute} adds the header only the admin route's integration sets. */
    private static String allNotesCount(String userId, String adminHeader) {
        return event("query-notes.json", userId, e -> {
            ObjectNode info = (ObjectNode) e.get("info");
            info.put("fieldName", "allNotesCount");
            info.putArray("selectionSetList");
            info.put("selectionSetGraphQL", "");
            if (adminHeader != null) {
                ((ObjectNode) e.get("request").get("headers")).put("x-tollgate-admin", adminHeader);
            }
        });
    }

    @Test
    void allNotesCountCountsEveryUsersNotesOnlyThroughTheAdminRoute() {
        ok(addNote(ALICE, "one"));
        ok(addNote(ALICE, "two"));
        ok(addNote(BOB, "three"));

        assertThat(ok(allNotesCount(BOB, "true")).asInt()).isEqualTo(3);

        for (String header : new String[] {null, "false", "TRUE"}) {
            assertThat(fails(allNotesCount(ALICE, header)).errorMessage())
                    .isEqualTo("Unauthorized: Not Authorized to access allNotesCount on type Query");
        }
        // the admin route still needs a user: the header alone is not a caller
        assertThat(fails(allNotesCount(null, "true")).errorMessage())
                .isEqualTo("Unauthorized: Not Authorized to access allNotesCount on type Query");
    }

    @Test
    void meFixtureAnswersTheHeaderUser() {
        JsonNode me = ok(fixture("query-me.json"));
        assertThat(me).isEqualTo(JSON.createObjectNode().put("userId", ALICE));
    }

    @Test
    void addListDeleteFixturesRoundTrip() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JsonNode added = ok(fixture("mutation-addNote.json"));
        assertThat(added.get("text").asText()).isEqualTo("Buy milk");
        assertThat(added.get("id").asText())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(added.get("createdAt").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(Instant.parse(added.get("createdAt").asText())).isBetween(before, Instant.now());

        JsonNode listed = ok(fixture("query-notes.json"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0)).isEqualTo(added);

        String id = added.get("id").asText();
        JsonNode deleted = ok(fixture("mutation-deleteNote.json").replace("${noteId}", id));
        assertThat(deleted).isEqualTo(added);
        assertThat(ok(fixture("query-notes.json"))).isEmpty();
        assertThat(logLines.toString(StandardCharsets.UTF_8))
                .contains("\"component\":\"resolver\",\"event\":\"invocation\"")
                .contains("\"field\":\"Mutation.addNote\",\"outcome\":\"ok\",\"userId\":\"" + ALICE + "\"")
                .doesNotContain("Buy milk");
    }

    @Test
    void listsNewestFirst() throws IOException {
        // Each note a millisecond after the last, from a clock the test owns: no sleeping on the wall clock.
        AtomicLong millis = new AtomicLong(1_800_000_000_000L);
        InstantSource ticking = () -> Instant.ofEpochMilli(millis.getAndIncrement());
        handler = handlerWithCap(3, ticking.withZone(ZoneOffset.UTC));
        List<String> ids = new ArrayList<>();
        for (String text : List.of("one", "two", "three")) {
            ids.add(ok(addNote(ALICE, text)).get("id").asText());
        }
        JsonNode listed = ok(listNotes(ALICE));
        assertThat(listed.findValuesAsText("text")).containsExactly("three", "two", "one");
        assertThat(listed.findValuesAsText("id")).containsExactly(ids.get(2), ids.get(1), ids.get(0));
    }

    // ---- isolation ----

    @Test
    void usersSeeOnlyTheirOwnNotes() {
        String aliceNote = ok(addNote(ALICE, "alice's")).get("id").asText();
        ok(addNote(BOB, "bob's"));

        assertThat(ok(listNotes(ALICE)).findValuesAsText("text")).containsExactly("alice's");
        assertThat(ok(listNotes(BOB)).findValuesAsText("text")).containsExactly("bob's");

        // Bob deleting Alice's note looks exactly like deleting a note that never existed.
        LambdaBoundary.Outcome foreign = fails(deleteNote(BOB, aliceNote));
        assertThat(foreign.errorMessage()).isEqualTo("NotFound: no note with id " + aliceNote);
        String unknown = NoteIds.next(System.currentTimeMillis());
        assertThat(fails(deleteNote(BOB, unknown)).errorMessage()).isEqualTo("NotFound: no note with id " + unknown);
        assertThat(ok(listNotes(ALICE)).findValuesAsText("id")).containsExactly(aliceNote);
    }

    @Test
    void theCapIsPerUser() {
        for (int i = 0; i < 3; i++) {
            ok(addNote(ALICE, "note " + i));
        }
        LambdaBoundary.Outcome over = fails(addNote(ALICE, "one too many"));
        assertThat(over.errorMessage()).isEqualTo("LimitExceeded: a user can keep at most 3 notes; delete one first");
        assertThat(over.errorType()).isEqualTo("dev.tollgate.appsync.ResolverError$LimitExceeded");
        ok(addNote(BOB, "bob is not affected"));

        String first = ok(listNotes(ALICE)).get(0).get("id").asText();
        ok(deleteNote(ALICE, first));
        ok(addNote(ALICE, "room again"));
        assertThat(ok(listNotes(ALICE))).hasSize(3);
    }

    @Test
    void theCapHoldsUnderConcurrentAdds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LambdaBoundary.Outcome>> adds = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String event = addNote(ALICE, "racing " + i);
                adds.add(pool.submit(() -> LambdaBoundary.invoke(handler, event)));
            }
            int kept = 0;
            for (Future<LambdaBoundary.Outcome> add : adds) {
                LambdaBoundary.Outcome outcome = add.get();
                if (outcome.failed()) {
                    assertThat(outcome.errorMessage()).startsWith("LimitExceeded: ");
                } else {
                    kept++;
                }
            }
            // The cap is the invariant; progress is not: adds that race at the cap may all be refused
            // (NotesService.add), so zero kept is a legal outcome under this much contention.
            int stored = ok(listNotes(ALICE)).size();
            assertThat(stored).isEqualTo(kept).isLessThanOrEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- validation ----

    @Test
    void refusesEmptyAndBlankText() {
        assertThat(fails(addNote(ALICE, "")).errorMessage()).isEqualTo("BadRequest: text must not be empty");
        assertThat(fails(addNote(ALICE, " \n\t ")).errorMessage()).isEqualTo("BadRequest: text must not be empty");
        assertThat(ok(listNotes(ALICE))).isEmpty();
    }

    @Test
    void refusesOverLongTextCountingCharactersNotBytes() {
        assertThat(fails(addNote(ALICE, "x".repeat(1001))).errorMessage())
                .isEqualTo("BadRequest: text must be at most 1000 characters, was 1001");
        // 1000 emoji are 2000 UTF-16 units and 4000 UTF-8 bytes, but 1000 characters: accepted.
        assertThat(ok(addNote(ALICE, "\uD83D\uDCDD".repeat(1000))).get("text").asText())
                .hasSize(2000);
    }

    @Test
    void refusesMalformedIds() {
        for (String id : List.of(
                "",
                "abc",
                "01937A6B-2C3D-7E4F-8A9B-0C1D2E3F4A5B",
                "01937a6b-2c3d-7e4f-8a9b-0c1d2e3f4a5b ",
                "../../etc",
                "01937a6b2c3d7e4f8a9b0c1d2e3f4a5b")) {
            assertThat(fails(deleteNote(ALICE, id)).errorMessage())
                    .as("id %s", id)
                    .isEqualTo("BadRequest: id must be a note id (a lower-case UUID)");
        }
    }

    @Test
    void refusesArgumentsOfTheWrongType() {
        String event = event("mutation-addNote.json", ALICE, e -> ((ObjectNode) e.get("arguments")).put("text", 42));
        assertThat(fails(event).errorMessage()).isEqualTo("BadRequest: argument 'text' must be a string");
        String missing = event("mutation-deleteNote.json", ALICE, e -> ((ObjectNode) e.get("arguments")).remove("id"));
        assertThat(fails(missing).errorMessage()).isEqualTo("BadRequest: argument 'id' must be a string");
    }

    @Test
    void refusesEventsThatAreNotAppSyncs() {
        assertThat(fails("{\"arguments\":{}}").errorMessage()).isEqualTo("BadRequest: event.info must be an object");
        assertThat(fails(event("query-me.json", ALICE, e -> ((ObjectNode) e.get("info")).put("fieldName", "secrets")))
                        .errorMessage())
                .isEqualTo("BadRequest: this resolver does not serve Query.secrets");
        assertThat(fails(event("query-me.json", ALICE, e -> ((ObjectNode) e.get("request")).put("headers", "x")))
                        .errorMessage())
                .isEqualTo("BadRequest: event.request.headers must be an object");
    }

    // ---- the caller ----

    @Test
    void refusesAMissingUserHeaderOnEveryField() {
        ok(addNote(ALICE, "secret"));
        assertThat(fails(event("query-me.json", null, e -> {})).errorMessage())
                .isEqualTo("Unauthorized: Not Authorized to access me on type Query");
        assertThat(fails(listNotes(null)).errorMessage())
                .isEqualTo("Unauthorized: Not Authorized to access notes on type Query");
        assertThat(fails(addNote(null, "x")).errorMessage())
                .isEqualTo("Unauthorized: Not Authorized to access addNote on type Mutation");
        assertThat(fails(deleteNote(null, NoteIds.next(0))).errorType())
                .isEqualTo("dev.tollgate.appsync.ResolverError$Unauthorized");
        assertThat(logLines.toString(StandardCharsets.UTF_8).lines().skip(1))
                .hasSize(4)
                .allSatisfy(line -> assertThat(line)
                        .contains("\"level\":\"WARN\"", "\"outcome\":\"Unauthorized\"")
                        .doesNotContain("userId"));
    }

    @Test
    void refusesBlankMalformedOrMiscasedUserHeaders() {
        for (String bad : List.of("", "   ", " " + ALICE, ALICE + "\n", "a\u0000b", "u".repeat(257))) {
            assertThat(fails(listNotes(bad)).errorMessage())
                    .as("x-user-id %s", bad)
                    .startsWith("Unauthorized: ");
        }
        // AppSync lower-cases header names; another spelling is not the header API Gateway maps.
        String miscased = event(
                "query-notes.json", null, e -> ((ObjectNode) e.get("request").get("headers")).put("X-User-Id", ALICE));
        assertThat(fails(miscased).errorMessage()).startsWith("Unauthorized: ");
        String noRequest = event("query-notes.json", ALICE, e -> e.remove("request"));
        assertThat(fails(noRequest).errorMessage()).startsWith("Unauthorized: ");
        String nonString = event(
                "query-notes.json", null, e -> ((ObjectNode) e.get("request").get("headers")).put("x-user-id", 7));
        assertThat(fails(nonString).errorMessage()).startsWith("Unauthorized: ");
    }

    // ---- failures of ours ----

    @Test
    void anUnreadableItemIsAFixedInternalFailureThatQuotesNothing() throws IOException {
        String table = createNotesTable();
        handler = new ResolverHandler(
                new NotesService(new NotesStore(api, table), 3, Clock.systemUTC()),
                new InvocationLog(new PrintStream(logLines, true, StandardCharsets.UTF_8), Level.INFO));
        // An item written by something else, without the text and createdAt the resolver relies on.
        dynamo.putItem(b -> b.tableName(table)
                .item(Map.of(
                        NotesStore.USER, AttributeValue.fromS(ALICE),
                        NotesStore.NOTE, AttributeValue.fromS("private-note-id"))));

        LambdaBoundary.Outcome outcome = fails(listNotes(ALICE));

        assertThat(outcome.errorMessage()).isEqualTo("InternalFailure: the resolver failed; try again later");
        assertThat(outcome.errorType()).isEqualTo("dev.tollgate.appsync.ResolverError$InternalError");
        String log = logLines.toString(StandardCharsets.UTF_8);
        assertThat(log)
                .contains("\"outcome\":\"InternalFailure\"")
                .contains("\"cause\":\"java.lang.")
                .doesNotContain("private-note-id");
    }

    @Test
    void aStorageFailureSaysSoWithoutItsInternals() {
        ResolverConfig config = new ResolverConfig("no-such-table", "us-east-1", Optional.empty(), 3);
        handler = new ResolverHandler(
                new NotesService(new NotesStore(api, config.notesTable()), 3, Clock.systemUTC()),
                new InvocationLog(new PrintStream(logLines, true, StandardCharsets.UTF_8), Level.INFO));
        LambdaBoundary.Outcome outcome = fails(listNotes(ALICE));
        assertThat(outcome.errorMessage())
                .isEqualTo("InternalFailure: the notes store is unavailable; try again later");
        assertThat(logLines.toString(StandardCharsets.UTF_8))
                .contains("\"outcome\":\"InternalFailure\"")
                .contains("ResourceNotFoundException");
    }
}
