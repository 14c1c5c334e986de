package dev.tollgate.localstack;

import dev.tollgate.log.JsonLog;
import dev.tollgate.log.Level;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local cloud's structured log: json-log lines, one writer per component, on standard error so
 * that standard output stays free for the single machine-readable "ready" line. Callers never pass
 * token material.
 */
public final class LocalCloudLog {

    private static final PrintStream OUT = System.err;
    private static final Map<String, JsonLog> BY_COMPONENT = new ConcurrentHashMap<>();

    private LocalCloudLog() {}

    /** The writer of one component (lambda, web, mailbox, local-cloud ...). */
    public static JsonLog of(String component) {
        return BY_COMPONENT.computeIfAbsent(component, c -> JsonLog.to(OUT, c, Level.INFO));
    }

    /** Writes an INFO line with the given event fields, in the map's order. */
    public static void event(String component, String event, Map<String, ?> fields) {
        of(component).event(Level.INFO, event, fields);
    }

    /** A raw line from a child process, already prefixed by the caller. */
    public static void raw(String text) {
        OUT.println(text);
    }
}
