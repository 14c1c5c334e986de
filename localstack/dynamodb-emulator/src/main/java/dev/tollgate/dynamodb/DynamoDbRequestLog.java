package dev.tollgate.dynamodb;

import dev.tollgate.log.JsonLog;
import dev.tollgate.log.Level;
import java.io.PrintStream;

/** One JSON line per request: which operation, the outcome, how long. Never item contents. */
final class DynamoDbRequestLog {

    /** Null when the emulator runs without a log. */
    private final JsonLog log;

    DynamoDbRequestLog(PrintStream out) {
        this.log = out == null ? null : JsonLog.to(out, "dynamodb-emulator", Level.INFO);
    }

    void request(String requestId, String operation, int status, String errorType, double millis) {
        if (log == null) {
            return;
        }
        log.line(status >= 500 ? Level.ERROR : status >= 400 ? Level.WARN : Level.INFO, "request")
                .requestId(requestId)
                .latencyMs(millis)
                .field("operation", operation)
                .field("status", status)
                .field("error", errorType)
                .write();
    }
}
