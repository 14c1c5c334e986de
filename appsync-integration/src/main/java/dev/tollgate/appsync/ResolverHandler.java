package dev.tollgate.appsync;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tollgate.appsync.dynamodb.AwsCredentials;
import dev.tollgate.appsync.dynamodb.DynamoDbApi;
import dev.tollgate.appsync.dynamodb.DynamoDbException;
import dev.tollgate.config.EnvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The AppSync direct Lambda resolver for every field of schema.graphql
 * ({@code dev.tollgate.appsync.ResolverHandler::handleRequest}). Each call is scoped to the user in the
 * {@code x-user-id} request header; without one it is refused before any data is read.
 *
 * <p>Lambda creates one instance per container, so configuration and credentials are read once, at
 * cold start. A stream handler: the event and result cross as JSON through {@link EventJson}, so the
 * runtime never loads its POJO serializer; DynamoDB is called through {@link DynamoDbApi}, not the AWS
 * SDK's client, whose construction alone took longer than the rest of a cold start.
 */
public final class ResolverHandler implements RequestStreamHandler {

    /** The fields this resolver serves, as resolvers.yaml wires them. */
    static final List<String> FIELDS =
            List.of("Query.me", "Query.notes", "Query.allNotesCount", "Mutation.addNote", "Mutation.deleteNote");

    private final NotesService notes;
    private final InvocationLog log;

    /** Lambda's entry: configuration from the environment, credentials from Lambda's variables. */
    public ResolverHandler() {
        this(ResolverConfig.fromEnvironment(System.getenv()), AwsCredentials.fromEnvironment(EnvReader.system()));
    }

    /** For embedding (tests, in-process runs): e.g. an emulator's endpoint and fixed test credentials. */
    public ResolverHandler(ResolverConfig config, AwsCredentials credentials) {
        this(
                new NotesService(
                        new NotesStore(
                                new DynamoDbApi(config.dynamoDbUrl(), config.region(), credentials),
                                config.notesTable()),
                        config.maxNotesPerUser(),
                        Clock.systemUTC()),
                new InvocationLog(System.out, config.logLevel()));
    }

    ResolverHandler(NotesService notes, InvocationLog log) {
        this.notes = notes;
        this.log = log;
    }

    /**
     * One invocation: the event JSON in, the field's value as JSON out. A refusal or failure is thrown, and
     * Lambda turns it into the function error AppSync reports ({@code errorType}, {@code errorMessage}).
     */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long started = System.nanoTime();
        Map<String, Object> event;
        try {
            event = EventJson.readEvent(input);
        } catch (ResolverError e) {
            log.invocation(
                    context == null ? null : context.getAwsRequestId(),
                    null,
                    e.kind(),
                    null,
                    millisSince(started),
                    null);
            throw e;
        }
        EventJson.write(answer(event, context, started), output);
    }

    private Object answer(Map<String, Object> input, Context context, long started) {
        String requestId = context == null ? null : context.getAwsRequestId();
        String field = null;
        String userId = null;
        try {
            ResolverEvent event = ResolverEvent.from(input);
            field = event.parentTypeName() + "." + event.fieldName();
            userId = Caller.userId(event);
            Object result = resolve(event, userId);
            log.invocation(requestId, field, "ok", userId, millisSince(started), null);
            return result;
        } catch (ResolverError e) {
            log.invocation(requestId, field, e.kind(), userId, millisSince(started), null);
            throw e;
        } catch (DynamoDbException e) {
            // DynamoDB's message may name tables or endpoints: it goes to the log, not to the caller.
            throw internalFailure(
                    requestId, field, userId, started, e.getMessage(), new ResolverError.StorageFailure());
        } catch (RuntimeException e) {
            // Unhandled, Lambda would hand AppSync (and so the client) the message and the stack trace,
            // and the message could quote item data: log the type only, answer a fixed error.
            throw internalFailure(
                    requestId, field, userId, started, e.getClass().getName(), new ResolverError.InternalError());
        }
    }

    /** Logs an InternalFailure with {@code detail} (never shown to the caller) and returns the caller's answer. */
    private ResolverError internalFailure(
            String requestId, String field, String userId, long started, String detail, ResolverError answer) {
        log.invocation(requestId, field, "InternalFailure", userId, millisSince(started), detail);
        return answer;
    }

    private Object resolve(ResolverEvent event, String userId) {
        return switch (event.parentTypeName() + "." + event.fieldName()) {
            case "Query.me" -> Map.of("userId", userId);
            case "Query.notes" ->
                notes.list(userId).stream().map(Note::toGraphQl).toList();
            case "Query.allNotesCount" -> {
                Caller.requireAdminRoute(event);
                yield notes.countAll();
            }
            case "Mutation.addNote" ->
                notes.add(userId, event.stringArgument("text")).toGraphQl();
            case "Mutation.deleteNote" ->
                notes.delete(userId, event.stringArgument("id")).toGraphQl();
            default ->
                throw new ResolverError.BadRequest(
                        "this resolver does not serve " + event.parentTypeName() + "." + event.fieldName());
        };
    }

    private static double millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000.0;
    }
}
