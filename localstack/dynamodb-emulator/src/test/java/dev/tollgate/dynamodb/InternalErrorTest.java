package dev.tollgate.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fault inside an operation (here the clock CreateTable reads, failing with a message that quotes the
 * request, as a bug's message might) is the server's, not the caller's: HTTP 500 in DynamoDB's shape with
 * no exception text, and a log line naming only the exception's type.
 */
class InternalErrorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SECRET = "item-data-that-must-not-leak";

    private final ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    private HttpServer server;

    /** A clock that fails as a bug would, its message quoting request data. */
    private static final InstantSource BROKEN_CLOCK = () -> {
        throw new IllegalStateException("cannot stamp table " + SECRET);
    };

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/",
                new ProtocolFront(
                        new Operations(BROKEN_CLOCK.withZone(ZoneOffset.UTC)),
                        new DynamoDbRequestLog(new PrintStream(logBytes, true, StandardCharsets.UTF_8))));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> send(String operation, String body) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + server.getAddress().getPort() + "/"))
                        .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                        .header("Content-Type", "application/x-amz-json-1.0")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The log line is written after the response is sent, so wait for it rather than race it. */
    private String logLine() throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline) {
            String log = logBytes.toString(StandardCharsets.UTF_8);
            if (log.endsWith("\n") || log.endsWith("\r\n")) {
                return log.strip();
            }
            Thread.sleep(10);
        }
        throw new AssertionError(
                "no request log line within 5 s; log so far: " + logBytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnexpectedExceptionIsA500WithDynamoDbsBodyAndALogLineNamingOnlyItsType() throws Exception {
        HttpResponse<String> response = send(
                "CreateTable",
                "{\"TableName\": \"" + SECRET + "\","
                        + " \"AttributeDefinitions\": [{\"AttributeName\": \"k\", \"AttributeType\": \"S\"}],"
                        + " \"KeySchema\": [{\"AttributeName\": \"k\", \"KeyType\": \"HASH\"}], \"BillingMode\": \"PAY_PER_REQUEST\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body())
                .isEqualTo("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                        + "\"message\":\"Internal server error\"}");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-amz-json-1.0");
        CRC32 crc = new CRC32();
        crc.update(response.body().getBytes(StandardCharsets.UTF_8));
        assertThat(response.headers().firstValue("x-amz-crc32")).hasValue(Long.toString(crc.getValue()));

        String line = logLine();
        assertThat(line).doesNotContain(SECRET).doesNotContain("cannot stamp").doesNotContain("\n");
        JsonNode log = JSON.readTree(line);
        assertThat(log.get("operation").asText()).isEqualTo("CreateTable");
        assertThat(log.get("status").asInt()).isEqualTo(500);
        assertThat(log.get("error").asText()).isEqualTo("InternalServerError(IllegalStateException)");
        assertThat(log.get("requestId").asText())
                .isEqualTo(response.headers().firstValue("x-amzn-RequestId").orElseThrow());

        // The failed CreateTable left no table behind.
        HttpResponse<String> tables = send("ListTables", "{}");
        assertThat(tables.statusCode()).isEqualTo(200);
        assertThat(tables.body()).isEqualTo("{\"TableNames\":[]}");
    }
}
