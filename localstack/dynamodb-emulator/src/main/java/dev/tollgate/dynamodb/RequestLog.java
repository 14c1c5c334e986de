package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;

/** One JSON line per request: which operation, the outcome, how long. Never item contents. */
final class RequestLog {

    private final ObjectMapper mapper = new ObjectMapper();
    private final PrintStream out;

    RequestLog(PrintStream out) {
        this.out = out;
    }

    void request(String requestId, String operation, int status, String errorType, double millis) {
        if (out == null) {
            return;
        }
        ObjectNode line = mapper.createObjectNode()
                .put("time", Instant.now().toString())
                .put("component", "dynamodb-emulator")
                .put("requestId", requestId)
                .put("operation", operation)
                .put("status", status)
                .put("millis", Math.round(millis * 100) / 100.0);
        if (errorType != null) {
            line.put("error", errorType);
        }
        out.println(line);
    }
}
