package dev.tollgate.authorizer.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.tollgate.authorizer.config.LogLevel;
import dev.tollgate.authorizer.decision.Outcome;
import dev.tollgate.authorizer.decision.Reason;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * One JSON line per decision, and a line at init. Fields are fixed and known-safe: outcome, reason
 * code, user id (from a verified token), route template, latency, request ids. Never a token, a
 * cookie, a header value or an exception message that could quote one.
 */
public final class DecisionLog {

    private final JsonFactory json = new JsonFactory();
    private final PrintStream out;
    private final LogLevel threshold;

    public DecisionLog(PrintStream out, LogLevel threshold) {
        this.out = out;
        this.threshold = threshold;
    }

    /** What one decision looked like, for the log line. */
    public record Entry(
            Reason reason,
            String userId,
            String method,
            String resource,
            long latencyMicros,
            String requestId,
            String lambdaRequestId,
            String detail) {}

    public void decision(Entry e) {
        LogLevel level = e.reason().outcome() == Outcome.ERROR ? LogLevel.ERROR : LogLevel.INFO;
        if (!threshold.allows(level)) {
            return;
        }
        out.println(line(g -> {
            g.writeStringField("level", level.name());
            g.writeStringField("event", "decision");
            g.writeStringField("outcome", e.reason().outcome().name());
            g.writeStringField("reason", e.reason().name());
            writeIfPresent(g, "userId", e.userId());
            writeIfPresent(g, "method", e.method());
            writeIfPresent(g, "resource", e.resource());
            g.writeNumberField("latencyUs", e.latencyMicros());
            writeIfPresent(g, "requestId", e.requestId());
            writeIfPresent(g, "lambdaRequestId", e.lambdaRequestId());
            writeIfPresent(g, "detail", e.detail());
        }));
    }

    /** A lifecycle line (init, checkpoint, restore) with a fixed event name and a safe message. */
    public void lifecycle(LogLevel level, String event, String message) {
        if (!threshold.allows(level)) {
            return;
        }
        out.println(line(g -> {
            g.writeStringField("level", level.name());
            g.writeStringField("event", event);
            g.writeStringField("message", message);
        }));
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private String line(Fields fields) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = json.createGenerator(w)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static void writeIfPresent(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
