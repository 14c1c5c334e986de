package dev.tollgate.localstack.gateway;

import dev.tollgate.log.JsonLog;
import dev.tollgate.log.Level;
import java.io.PrintStream;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The gateway's json-log writer: one line per request or decision. Callers pass ids, routes,
 * statuses and reason codes only: never header values, cookies, tokens or bodies.
 */
final class GatewayLog {

    private final JsonLog log;

    GatewayLog(Consumer<String> sink) {
        this.log = new JsonLog(sink, "gateway", Level.INFO, Clock.systemUTC());
    }

    static GatewayLog to(PrintStream out) {
        return new GatewayLog(out::println);
    }

    JsonLog.Line line(Level level, String event) {
        return log.line(level, event);
    }
}
