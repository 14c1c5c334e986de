package dev.tollgate.authapi.log;

import dev.tollgate.log.JsonLog;
import dev.tollgate.log.Level;
import java.io.PrintStream;

/**
 * One JSON line per request: what was asked, how it ended, how long it took, whose it was. Never a
 * token, cookie, password or email address: the fields are chosen here, not copied from the request.
 */
public final class RequestLog {

    /** The {@code component} of every line. */
    public static final String COMPONENT = "auth-api";

    /** What one request leaves behind for the log. */
    public record Entry(
            String requestId,
            String method,
            String route,
            int status,
            String outcome,
            double latencyMillis,
            String userId,
            String error) {}

    private final JsonLog log;

    /** @param threshold {@code LOG_LEVEL}: INFO lines are successes, WARN 4xx, ERROR 5xx */
    public RequestLog(PrintStream out, Level threshold) {
        this(JsonLog.to(out, COMPONENT, threshold));
    }

    public RequestLog(JsonLog log) {
        this.log = log;
    }

    public void write(Entry entry) {
        Level level = entry.status() >= 500 ? Level.ERROR : entry.status() >= 400 ? Level.WARN : Level.INFO;
        log.line(level, "request")
                .requestId(entry.requestId())
                .latencyMs(entry.latencyMillis())
                .field("method", entry.method())
                .field("route", entry.route())
                .field("status", entry.status())
                .field("outcome", entry.outcome())
                .field("userId", entry.userId())
                .field("error", entry.error())
                .write();
    }
}
