package dev.tollgate.localstack.core.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;

/**
 * One structured JSON line per request: method, path, status, latency. Paths of the core never hold
 * secrets; query strings (emails, user ids), headers and bodies (tokens, passwords) are never logged.
 */
public final class RequestLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintStream out;
    private final Clock clock;

    public RequestLog(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void request(String method, String path, int status, long latencyMs) {
        ObjectNode line = base("request");
        line.put("method", method);
        line.put("path", path);
        line.put("status", status);
        line.put("latencyMs", latencyMs);
        out.println(line);
    }

    public void failure(String method, String path, RuntimeException e) {
        ObjectNode line = base("failure");
        line.put("method", method);
        line.put("path", path);
        line.put("error", e.getClass().getName());
        out.println(line);
    }

    private ObjectNode base(String event) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("time", clock.instant().toString());
        line.put("component", "core-stand-in");
        line.put("event", event);
        return line;
    }
}
