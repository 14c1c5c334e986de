package dev.tollgate.appsync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * One JSON line per invocation on stdout (CloudWatch in Lambda): field, outcome, user id, latency.
 * Never arguments, note text or headers other than the user id.
 */
final class InvocationLog {

    private static final JsonFactory JSON = new JsonFactory();
    private final PrintStream out;

    InvocationLog(PrintStream out) {
        this.out = out;
    }

    void invocation(String requestId, String field, String outcome, String userId, double millis, String cause) {
        StringWriter line = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField("time", Instant.now().toString());
            json.writeStringField("component", "tollgate-resolver");
            json.writeStringField("requestId", requestId);
            json.writeStringField("field", field);
            json.writeStringField("outcome", outcome);
            json.writeStringField("userId", userId);
            json.writeNumberField("millis", Math.round(millis * 100) / 100.0);
            if (cause != null) {
                json.writeStringField("cause", cause);
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println(line);
    }
}
