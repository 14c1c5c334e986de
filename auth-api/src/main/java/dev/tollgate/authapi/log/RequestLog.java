package dev.tollgate.authapi.log;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.authapi.http.Json;
import java.io.PrintStream;

/**
 * One JSON line per request: what was asked, how it ended, how long it took, whose it was. Never a
 * token, cookie, password or email address: the fields are chosen here, not copied from the request.
 */
public final class RequestLog {

    /** What one request leaves behind for the log. */
    public record Entry(
            String requestId,
            String method,
            String route,
            int status,
            String outcome,
            long latencyMillis,
            String userId,
            String error) {}

    private final PrintStream out;
    private final boolean quiet;

    /** @param quiet when true (LOG_LEVEL WARN or ERROR) only failed requests are written */
    public RequestLog(PrintStream out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    public void write(Entry entry) {
        boolean serverError = entry.status() >= 500;
        if (quiet && entry.status() < 400) {
            return;
        }
        ObjectNode line = Json.object()
                .put("level", serverError ? "ERROR" : entry.status() >= 400 ? "WARN" : "INFO")
                .put("logger", "auth-api")
                .put("requestId", entry.requestId())
                .put("method", entry.method())
                .put("route", entry.route())
                .put("status", entry.status())
                .put("outcome", entry.outcome())
                .put("latencyMs", entry.latencyMillis());
        if (entry.userId() != null) {
            line.put("userId", entry.userId());
        }
        if (entry.error() != null) {
            line.put("error", entry.error());
        }
        out.println(Json.write(line));
    }
}
