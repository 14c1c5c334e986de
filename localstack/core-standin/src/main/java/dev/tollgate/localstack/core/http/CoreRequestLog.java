package dev.tollgate.localstack.core.http;

import dev.tollgate.log.JsonLog;
import dev.tollgate.log.Level;
import java.io.PrintStream;
import java.time.Clock;

/**
 * One structured JSON line per request: method, path, status, latency. Paths of the core never hold
 * secrets; query strings (emails, user ids), headers and bodies (tokens, passwords) are never logged.
 */
public final class CoreRequestLog {

    private final JsonLog log;

    public CoreRequestLog(PrintStream out, Clock clock) {
        this.log = new JsonLog(out::println, "core-stand-in", Level.INFO, clock);
    }

    public void request(String method, String path, int status, double latencyMs) {
        log.line(status >= 500 ? Level.ERROR : status >= 400 ? Level.WARN : Level.INFO, "request")
                .latencyMs(latencyMs)
                .field("method", method)
                .field("path", path)
                .field("status", status)
                .write();
    }

    public void failure(String method, String path, RuntimeException e) {
        log.line(Level.ERROR, "failure")
                .field("method", method)
                .field("path", path)
                .field("error", e.getClass().getName())
                .write();
    }
}
