package dev.tollgate.authorizer.log;

import dev.tollgate.authorizer.decision.Outcome;
import dev.tollgate.authorizer.decision.Reason;
import dev.tollgate.log.JsonLog;
import dev.tollgate.log.Level;
import java.io.PrintStream;

/**
 * One JSON line per decision, and a line at init. Fields are fixed and known-safe: outcome, reason
 * code, user id (from a verified token), route template, latency, request ids. Never a token, a
 * cookie, a header value or an exception message that could quote one.
 */
public final class DecisionLog {

    /** The {@code component} of every line. */
    public static final String COMPONENT = "authorizer";

    private final JsonLog log;

    public DecisionLog(PrintStream out, Level threshold) {
        this(JsonLog.to(out, COMPONENT, threshold));
    }

    public DecisionLog(JsonLog log) {
        this.log = log;
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
        Level level = e.reason().outcome() == Outcome.ERROR ? Level.ERROR : Level.INFO;
        log.line(level, "decision")
                .requestId(e.requestId())
                .latencyMs(e.latencyMicros() / 1000.0)
                .field("outcome", e.reason().outcome().name())
                .field("reason", e.reason().name())
                .field("userId", e.userId())
                .field("method", e.method())
                .field("resource", e.resource())
                .field("lambdaRequestId", e.lambdaRequestId())
                .field("detail", e.detail())
                .write();
    }

    /** A lifecycle line (init, checkpoint, restore) with a fixed event name and a safe message. */
    public void lifecycle(Level level, String event, String message) {
        log.line(level, event).field("message", message).write();
    }
}
