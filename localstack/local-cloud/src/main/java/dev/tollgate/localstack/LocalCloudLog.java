package dev.tollgate.localstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;

/**
 * The local cloud's structured log: one JSON line per decision, on standard error so that standard
 * output stays free for the single machine-readable "ready" line. Callers never pass token material.
 */
public final class LocalCloudLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream OUT = System.err;

    private LocalCloudLog() {}

    /** Writes {@code {"time":..,"component":..,"event":..,<fields>}} as one line. */
    public static void event(String component, String event, Map<String, ?> fields) {
        ObjectNode line = JSON.createObjectNode();
        line.put("time", Instant.now().toString());
        line.put("component", component);
        line.put("event", event);
        fields.forEach((key, value) -> line.set(key, JSON.valueToTree(value)));
        String text = line.toString();
        synchronized (OUT) {
            OUT.println(text);
        }
    }

    /** A raw line from a child process, already prefixed by the caller. */
    public static void raw(String text) {
        synchronized (OUT) {
            OUT.println(text);
        }
    }
}
