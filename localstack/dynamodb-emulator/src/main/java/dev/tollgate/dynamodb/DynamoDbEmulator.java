package dev.tollgate.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.http.LoopbackServer;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

/**
 * An in-memory DynamoDB for tests and the local cloud: an HTTP server on 127.0.0.1 that the real AWS SDK
 * talks to through an endpoint override. It exists because DynamoDB Local's licence is not open source;
 * it implements the operations Tollgate uses (see README.md) and refuses everything else by name.
 */
public final class DynamoDbEmulator implements AutoCloseable {

    private final LoopbackServer server;
    private final Operations operations;

    private DynamoDbEmulator(LoopbackServer server, Operations operations) {
        this.server = server;
        this.operations = operations;
    }

    /** Starts an empty emulator on {@code port} of 127.0.0.1 (0 picks a free port), logging to stderr. */
    public static DynamoDbEmulator start(int port) {
        return start(port, true);
    }

    /** As {@link #start(int)}, with the per-request log lines switched on or off. */
    public static DynamoDbEmulator start(int port, boolean log) {
        Operations operations = new Operations(Clock.systemUTC());
        LoopbackServer server = LoopbackServer.start(
                "dynamodb-emulator",
                port,
                8,
                new ProtocolFront(operations, new DynamoDbRequestLog(log ? System.err : null)));
        return new DynamoDbEmulator(server, operations);
    }

    /**
     * Creates a table in-process from a CreateTable request body (such as appsync-integration's
     * notes-table.json), with the same checks as over HTTP.
     *
     * @return DynamoDB's answer ({@code {"TableDescription": ...}})
     * @throws IllegalArgumentException with DynamoDB's error type and message when DynamoDB would refuse it
     */
    public String createTable(String createTableRequestJson) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            JsonNode request = mapper.readTree(createTableRequestJson);
            if (request == null || !request.isObject()) {
                throw new IllegalArgumentException("a CreateTable request must be a JSON object");
            }
            return mapper.writeValueAsString(operations.run("CreateTable", (ObjectNode) request));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the CreateTable request is not JSON: " + e.getOriginalMessage(), e);
        } catch (DynamoDbError e) {
            throw new IllegalArgumentException(
                    e.code.type.substring(e.code.type.indexOf('#') + 1) + ": " + e.getMessage(), e);
        }
    }

    /** Where the SDK should send requests: {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.port();
    }

    /** Stops serving and forgets every table. */
    @Override
    public void close() {
        server.close();
    }

    /** {@code java dev.tollgate.dynamodb.DynamoDbEmulator [port]}: serves until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        int port;
        try {
            port = args.length == 0 ? 8000 : Integer.parseInt(args[0]);
        } catch (NumberFormatException e) {
            System.err.println("usage: DynamoDbEmulator [port]   (port must be a number, was '" + args[0] + "')");
            System.exit(2);
            return;
        }
        DynamoDbEmulator emulator = start(port);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close));
        System.out.println("{\"component\":\"dynamodb-emulator\",\"endpoint\":\"" + emulator.endpoint() + "\"}");
        new CountDownLatch(1).await();
    }
}
