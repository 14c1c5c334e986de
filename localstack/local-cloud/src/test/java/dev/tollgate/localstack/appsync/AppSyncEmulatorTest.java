package dev.tollgate.localstack.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.appsync.ResolverConfig;
import dev.tollgate.appsync.ResolverHandler;
import dev.tollgate.appsync.dynamodb.AwsCredentials;
import dev.tollgate.dynamodb.DynamoDbEmulator;
import dev.tollgate.localstack.gateway.LambdaInvoker;
import dev.tollgate.stack.StackFiles;
import dev.tollgate.testkit.LocalDynamoDb;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The AppSync emulator running appsync-integration's definition, each resolver invocation crossing a
 * JSON boundary into the real {@link ResolverHandler}, which stores notes in the DynamoDB emulator.
 */
class AppSyncEmulatorTest {

    static final Path REPO = Path.of("../..");
    private static final String API_KEY = "da2-localtestkey0123456789";
    private static final String ALICE = "alice-user-id";
    private static final String BOB = "bob-user-id";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger TABLES = new AtomicInteger();

    private static DynamoDbEmulator dynamoEmulator;
    private static DynamoDbClient dynamo;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<String> arns = new CopyOnWriteArrayList<>();
    private AppSyncEmulator appsync;

    @BeforeAll
    static void startDynamo() {
        dynamoEmulator = DynamoDbEmulator.start(0, false);
        dynamo = LocalDynamoDb.client(dynamoEmulator.endpoint());
    }

    @AfterAll
    static void stopDynamo() {
        dynamo.close();
        dynamoEmulator.close();
    }

    @AfterEach
    void stopAppSync() {
        if (appsync != null) {
            appsync.close();
        }
    }

    /** A LambdaInvoker that runs the resolver in-process, the event and result crossing as JSON text. */
    private LambdaInvoker resolverInProcess() throws IOException, InterruptedException {
        String table = createNotesTable();
        ResolverHandler handler = new ResolverHandler(
                new ResolverConfig(table, "us-east-1", Optional.of(dynamoEmulator.endpoint()), 5),
                AwsCredentials.of("test", "test", Optional.empty()));
        return (arn, eventJson) -> {
            events.add(eventJson);
            arns.add(arn);
            try {
                ByteArrayOutputStream result = new ByteArrayOutputStream();
                handler.handleRequest(
                        new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), result, null);
                return new LambdaInvoker.Invocation.Success(result.toString(StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                return new LambdaInvoker.Invocation.FunctionError(
                        e.getMessage(), e.getClass().getName());
            } catch (IOException e) {
                return new LambdaInvoker.Invocation.Failed(e.toString());
            }
        };
    }

    private static String createNotesTable() throws IOException, InterruptedException {
        ObjectNode request = (ObjectNode) JSON.readTree(Files.readString(REPO.resolve(StackFiles.NOTES_TABLE)));
        String name = request.get("TableName").asText() + "-" + TABLES.incrementAndGet();
        request.put("TableName", name);
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(dynamoEmulator.endpoint())
                                .header("X-Amz-Target", "DynamoDB_20120810.CreateTable")
                                .header("Content-Type", "application/x-amz-json-1.0")
                                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        return name;
    }

    private void start(LambdaInvoker invoker) {
        appsync = AppSyncEmulator.start(0, API_KEY, REPO, invoker);
    }

    private HttpResponse<String> post(String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(appsync.graphqlUrl())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode graphql(String userId, String query, Map<String, Object> variables) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        Map<String, String> headers =
                userId == null ? Map.of("x-api-key", API_KEY) : Map.of("x-api-key", API_KEY, "x-user-id", userId);
        HttpResponse<String> response = post(JSON.writeValueAsString(body), headers);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Asks {@code query} as {@code userId} of the emulator with the resolver in process; checks the whole answer. */
    private JsonNode answerIs(String userId, String query, String expectedJson) throws Exception {
        start(resolverInProcess());
        JsonNode response = graphql(userId, query, Map.of());
        assertThat(response).isEqualTo(JSON.readTree(expectedJson));
        return response;
    }

    // ---- API key ----

    @Test
    void refusesAMissingOrWrongApiKeyWithAppSyncs401() throws Exception {
        start(resolverInProcess());
        for (Map<String, String> headers : List.of(
                Map.<String, String>of(),
                Map.of("x-api-key", "da2-wrong"),
                Map.of("x-api-key", ""),
                Map.of("X-API-KEY", API_KEY.toUpperCase()))) {
            HttpResponse<String> response = post("{\"query\":\"{ me { userId } }\"}", headers);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()))
                    .isEqualTo(
                            JSON.readTree(
                                    "{\"errors\":[{\"errorType\":\"UnauthorizedException\",\"message\":\"You are not authorized to make this call.\"}]}"));
            assertThat(response.headers().firstValue("content-type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        }
        assertThat(events).as("no resolver runs without the key").isEmpty();
    }

    // ---- the resolver behind it ----

    @Test
    void meIsTheUserAppSyncSaw() throws Exception {
        answerIs(ALICE, "{ me { userId } }", "{\"data\":{\"me\":{\"userId\":\"" + ALICE + "\"}}}");
        assertThat(arns).containsExactly("arn:aws:lambda:us-east-1:000000000000:function:tollgate-resolver");
    }

    @Test
    void notesAreAddedListedDeletedAndIsolated() throws Exception {
        start(resolverInProcess());
        JsonNode added = graphql(
                        ALICE,
                        "mutation Add($text: String!) { addNote(text: $text) { id text createdAt } }",
                        Map.of("text", "alice's note"))
                .get("data")
                .get("addNote");
        assertThat(added.get("text").asText()).isEqualTo("alice's note");
        String id = added.get("id").asText();
        graphql(BOB, "mutation { addNote(text: \"bob's note\") { id } }", Map.of());

        JsonNode aliceNotes = graphql(ALICE, "{ notes { id text createdAt } }", Map.of())
                .get("data")
                .get("notes");
        assertThat(aliceNotes).hasSize(1);
        assertThat(aliceNotes.get(0)).isEqualTo(added);
        assertThat(graphql(BOB, "{ notes { text } }", Map.of())
                        .get("data")
                        .get("notes")
                        .findValuesAsText("text"))
                .containsExactly("bob's note");

        JsonNode foreign = graphql(BOB, "mutation Del($id: ID!) { deleteNote(id: $id) { id } }", Map.of("id", id));
        assertThat(foreign.get("data").isNull()).isTrue();
        assertThat(foreign.get("errors").get(0).get("message").asText()).isEqualTo("NotFound: no note with id " + id);

        JsonNode deleted =
                graphql(ALICE, "mutation Del($id: ID!) { deleteNote(id: $id) { id text } }", Map.of("id", id));
        assertThat(deleted.get("data").get("deleteNote").get("id").asText()).isEqualTo(id);
        assertThat(graphql(ALICE, "{ notes { id } }", Map.of()).get("data").get("notes"))
                .isEmpty();
    }

    @Test
    void aResolverErrorHasAppSyncsShape() throws Exception {
        JsonNode response = answerIs(null, "query {\n  me { userId }\n}", """
                {"data": null,
                 "errors": [{"path": ["me"], "data": null, "errorType": "Lambda:Unhandled", "errorInfo": null,
                             "locations": [{"line": 2, "column": 3, "sourceName": null}],
                             "message": "Unauthorized: Not Authorized to access me on type Query"}]}""");
        assertThat(response.fieldNames()).toIterable().containsExactly("data", "errors");
    }

    @Test
    void oneFailingFieldLeavesTheOthers() throws Exception {
        start(resolverInProcess());
        graphql(ALICE, "mutation { addNote(text: \"kept\") { id } }", Map.of());
        JsonNode response = graphql(
                ALICE, "mutation { ok: addNote(text: \"fine\") { text } bad: addNote(text: \"\") { text } }", Map.of());
        // addNote is non-null, so the failed field nulls the whole data object, as GraphQL (and AppSync) require.
        assertThat(response.get("data").isNull()).isTrue();
        assertThat(response.get("errors")).hasSize(1);
        assertThat(response.get("errors").get(0).get("path")).isEqualTo(JSON.readTree("[\"bad\"]"));
        assertThat(response.get("errors").get(0).get("message").asText())
                .isEqualTo("BadRequest: text must not be empty");
        assertThat(graphql(ALICE, "{ notes { text } }", Map.of())
                        .get("data")
                        .get("notes")
                        .findValuesAsText("text"))
                .containsExactly("fine", "kept");
    }

    // ---- the event AppSync sends ----

    @Test
    void sendsAppSyncsDirectResolverEvent() throws Exception {
        start(resolverInProcess());
        Map<String, Object> body = Map.of(
                "query",
                "mutation Add($text: String!) {\n  addNote(text: $text) {\n    id\n    text\n    createdAt\n  }\n}",
                "variables",
                Map.of("text", "hello"),
                "operationName",
                "Add");
        HttpResponse<String> response = post(
                JSON.writeValueAsString(body),
                Map.of(
                        "x-api-key",
                        API_KEY,
                        "x-user-id",
                        ALICE,
                        "X-Custom-Thing",
                        "custom value",
                        "User-Agent",
                        "AmazonAPIGateway_abc123"));
        assertThat(response.statusCode()).isEqualTo(200);

        JsonNode event = JSON.readTree(events.get(0));
        assertThat(event.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder("arguments", "identity", "source", "request", "prev", "info", "stash");
        assertThat(event.get("arguments")).isEqualTo(JSON.readTree("{\"text\":\"hello\"}"));
        assertThat(event.get("identity").isNull()).isTrue();
        assertThat(event.get("source").isNull()).isTrue();
        assertThat(event.get("prev").isNull()).isTrue();
        assertThat(event.get("stash")).isEqualTo(JSON.createObjectNode());
        JsonNode headers = event.get("request").get("headers");
        assertThat(headers.get("x-user-id").asText()).isEqualTo(ALICE);
        assertThat(headers.get("x-api-key").asText()).isEqualTo(API_KEY);
        assertThat(headers.get("x-custom-thing").asText()).isEqualTo("custom value");
        assertThat(headers.get("user-agent").asText()).isEqualTo("AmazonAPIGateway_abc123");
        assertThat(headers.get("content-type").asText()).isEqualTo("application/json");
        assertThat(headers.has("host")).isTrue();
        headers.fieldNames().forEachRemaining(name -> assertThat(name).isEqualTo(name.toLowerCase()));
        assertThat(event.get("request").get("domainName").isNull()).isTrue();

        JsonNode info = event.get("info");
        assertThat(info.get("fieldName").asText()).isEqualTo("addNote");
        assertThat(info.get("parentTypeName").asText()).isEqualTo("Mutation");
        assertThat(info.get("variables")).isEqualTo(JSON.readTree("{\"text\":\"hello\"}"));
        assertThat(info.get("selectionSetList")).isEqualTo(JSON.readTree("[\"id\",\"text\",\"createdAt\"]"));
        assertThat(info.get("selectionSetGraphQL").asText()).isEqualTo("{\n  id\n  text\n  createdAt\n}");
    }

    @Test
    void nestedSelectionsAreListedAsPaths() throws Exception {
        start(resolverInProcess());
        graphql(ALICE, "{ me { userId } }", Map.of());
        JsonNode info = JSON.readTree(events.get(0)).get("info");
        assertThat(info.get("selectionSetList")).isEqualTo(JSON.readTree("[\"userId\"]"));
        assertThat(info.get("parentTypeName").asText()).isEqualTo("Query");
    }

    // ---- invocation failures and protocol errors ----

    @Test
    void aFailedInvocationIsAFieldError() throws Exception {
        start((arn, event) -> new LambdaInvoker.Invocation.Failed("Task timed out after 30.00 seconds"));
        JsonNode response = graphql(ALICE, "{ me { userId } }", Map.of());
        JsonNode error = response.get("errors").get(0);
        assertThat(error.get("errorType").asText()).isEqualTo("Lambda:Unhandled");
        assertThat(error.get("message").asText()).isEqualTo("Task timed out after 30.00 seconds");
    }

    @Test
    void aNonJsonPayloadIsAFieldError() throws Exception {
        start((arn, event) -> new LambdaInvoker.Invocation.Success("not json"));
        JsonNode error =
                graphql(ALICE, "{ me { userId } }", Map.of()).get("errors").get(0);
        assertThat(error.get("errorType").asText()).isEqualTo("Lambda:IllegalResponse");
    }

    @Test
    void aMalformedScalarFromTheResolverFailsTheField() throws Exception {
        start((arn, event) ->
                new LambdaInvoker.Invocation.Success("[{\"id\":\"1\",\"text\":\"t\",\"createdAt\":\"yesterday\"}]"));
        JsonNode response = graphql(ALICE, "{ notes { createdAt } }", Map.of());
        assertThat(response.get("data").isNull()).isTrue();
        assertThat(response.get("errors").get(0).get("message").asText()).contains("AWSDateTime");
    }

    @Test
    void validationErrorsUseAppSyncsWording() throws Exception {
        answerIs(ALICE, "{\n  nope\n}", """
                {"data": null,
                 "errors": [{"path": null, "locations": [{"line": 2, "column": 3, "sourceName": null}],
                             "message": "Validation error of type FieldUndefined: Field 'nope' in type 'Query' is undefined @ 'nope'"}]}""");
        assertThat(events).isEmpty();
    }

    @Test
    void malformedRequestsAre400() throws Exception {
        start(resolverInProcess());
        for (String body : List.of(
                "{not json", "[]", "{}", "{\"query\":\"  \"}", "{\"query\":\"{ me { userId } }\",\"variables\":[1]}")) {
            HttpResponse<String> response = post(body, Map.of("x-api-key", API_KEY));
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body())
                            .get("errors")
                            .get(0)
                            .get("errorType")
                            .asText())
                    .isEqualTo("MalformedHttpRequestException");
        }
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(appsync.graphqlUrl())
                        .header("x-api-key", API_KEY)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        HttpResponse<String> elsewhere = http.send(
                HttpRequest.newBuilder(
                                URI.create(appsync.graphqlUrl().toString().replace("/graphql", "/other")))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(elsewhere.statusCode()).isEqualTo(404);
    }

    // ---- request size (docs/aws.md#appsync-limits) ----

    @Test
    void aBodyOverTheLimitIsAnswered413NeverAReset() throws Exception {
        start(resolverInProcess());
        for (int bytes : List.of(GraphqlEndpoint.MAX_BODY_BYTES + 1, 3 * GraphqlEndpoint.MAX_BODY_BYTES)) {
            HttpResponse<String> response = post("x".repeat(bytes), Map.of("x-api-key", API_KEY));
            assertThat(response.statusCode()).as("%d bytes", bytes).isEqualTo(413);
            JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
            assertThat(error.get("errorType").asText()).isEqualTo("PayloadTooLargeException");
            assertThat(error.get("message").asText()).contains(String.valueOf(GraphqlEndpoint.MAX_BODY_BYTES));
        }
        assertThat(events).isEmpty();
    }

    @Test
    void aBodyAtTheLimitIsRead() throws Exception {
        start(resolverInProcess());
        String query = "{\"query\":\"{ me { userId } }\"}";
        String padded = query + " ".repeat(GraphqlEndpoint.MAX_BODY_BYTES - query.length());
        HttpResponse<String> response = post(padded, Map.of("x-api-key", API_KEY, "x-user-id", ALICE));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).at("/data/me/userId").asText())
                .isEqualTo(ALICE);
    }

    @Test
    void aLargeBodyWithAWrongKeyIsAnswered401NeverAReset() throws Exception {
        start(resolverInProcess());
        HttpResponse<String> response =
                post("x".repeat(2 * GraphqlEndpoint.MAX_BODY_BYTES), Map.of("x-api-key", "wrong"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(GraphqlEndpoint.UNAUTHORIZED_BODY);
    }

    // ---- the definition ----

    @Test
    void refusesInconsistentDefinitions(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve(StackFiles.SCHEMA).getParent());
        Files.createDirectories(dir.resolve(StackFiles.RESOLVERS).getParent());
        Files.copy(REPO.resolve(StackFiles.SCHEMA), dir.resolve(StackFiles.SCHEMA));
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {
            "dataSources: [{name: A, type: AWS_LAMBDA, function: f}]\nresolvers: [{type: Query, field: me, dataSource: B}]",
            "names data source B, which dataSources does not define"
        });
        cases.add(new String[] {
            "dataSources: [{name: A, type: AWS_LAMBDA, function: f}]\nresolvers: [{type: Query, field: nope, dataSource: A}]",
            "wires Query.nope but schema.graphql has no such field"
        });
        cases.add(new String[] {
            "dataSources: [{name: A, type: AMAZON_DYNAMODB, function: f}]\nresolvers: []",
            "the emulator runs AWS_LAMBDA data sources only"
        });
        cases.add(new String[] {
            "dataSources: [{name: A, type: AWS_LAMBDA}]\nresolvers: []", "'function' must be a non-empty string"
        });
        cases.add(new String[] {"dataSources: {", "is not valid YAML"});
        for (String[] c : cases) {
            Files.writeString(dir.resolve(StackFiles.RESOLVERS), c[0]);
            Assertions.assertThatThrownBy(() -> AppSyncEmulator.start(0, API_KEY, dir, (a, e) -> null))
                    .as(c[0])
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c[1]);
        }
        Files.writeString(dir.resolve(StackFiles.RESOLVERS), "dataSources: []\nresolvers: []");
        Files.writeString(dir.resolve(StackFiles.SCHEMA), "scalar AWSDateTime\ntype Query { a: AWSDateTime }");
        Assertions.assertThatThrownBy(() -> AppSyncEmulator.start(0, API_KEY, dir, (a, e) -> null))
                .hasMessageContaining("schema.graphql declares AWSDateTime");
    }
}
