package dev.tollgate.appsync;

import dev.tollgate.log.JsonLog;
import dev.tollgate.log.Level;
import java.io.PrintStream;

/**
 * One JSON line per invocation on stdout (CloudWatch in Lambda): field, outcome, user id, latency.
 * Never arguments, note text or headers other than the user id.
 */
final class InvocationLog {

    static final String COMPONENT = "resolver";

    private final JsonLog log;

    InvocationLog(PrintStream out, Level threshold) {
        this.log = JsonLog.to(out, COMPONENT, threshold);
    }

    /**
     * @param outcome {@code ok} (INFO), {@code InternalFailure} (ERROR) or the kind of a refusal (WARN)
     * @param cause   for failures of ours only: the exception's type and, for SDK failures, message
     */
    void invocation(String requestId, String field, String outcome, String userId, double millis, String cause) {
        Level level = switch (outcome) {
            case "ok" -> Level.INFO;
            case "InternalFailure" -> Level.ERROR;
            default -> Level.WARN;
        };
        log.line(level, "invocation")
                .requestId(requestId)
                .latencyMs(millis)
                .field("field", field)
                .field("outcome", outcome)
                .field("userId", userId)
                .field("cause", cause)
                .write();
    }
}
