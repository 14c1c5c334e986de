package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * One structured JSON line per request or decision. Callers pass ids, routes, statuses and reason
 * codes only: never header values, cookies, tokens or bodies.
 */
final class GatewayLog {

    private final Consumer<String> sink;

    GatewayLog(Consumer<String> sink) {
        this.sink = sink;
    }

    static GatewayLog to(PrintStream out) {
        return new GatewayLog(line -> {
            synchronized (out) {
                out.println(line);
            }
        });
    }

    ObjectNode line(String event) {
        ObjectNode node = Events.JSON.createObjectNode();
        node.put("time", Instant.now().toString());
        node.put("component", "gateway");
        node.put("event", event);
        return node;
    }

    void write(ObjectNode line) {
        sink.accept(line.toString());
    }
}
