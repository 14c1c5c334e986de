package dev.tollgate.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The record of one run: every resource touched, in order. When a step fails, the report says what
 * already exists, so the person can re-run (every step is idempotent) or destroy.
 */
final class Progress {

    enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REMOVED,
        ABSENT
    }

    record Entry(String resource, String name, Outcome outcome) {}

    /** What a step did, and the value later steps need from it (an ARN, an id, a URL). */
    record Done<T>(Outcome outcome, T value) {
        static Done<Void> of(Outcome outcome) {
            return new Done<>(outcome, null);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<Entry> entries = new ArrayList<>();
    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    /** Runs one step; its result says what happened to the resource. */
    <T> T step(String resource, String name, Supplier<Done<T>> action) {
        Done<T> done;
        try {
            done = action.get();
        } catch (StepFailed e) {
            throw e;
        } catch (RuntimeException e) {
            throw new StepFailed(resource, name, e);
        }
        entries.add(new Entry(resource, name, done.outcome()));
        out.println(resource + " " + name + ": " + done.outcome().name().toLowerCase(java.util.Locale.ROOT));
        return done.value();
    }

    List<Entry> entries() {
        return List.copyOf(entries);
    }

    /** One JSON line naming the failed step and everything that exists after the earlier ones. */
    String failureReport(StepFailed failure) {
        ObjectNode report = JSON.createObjectNode();
        report.put("event", "deploy-failed");
        report.put("step", failure.resource + " " + failure.name);
        report.put("error", describe(failure.getCause()));
        ArrayNode done = report.putArray("done");
        for (Entry e : entries) {
            done.addObject()
                    .put("resource", e.resource())
                    .put("name", e.name())
                    .put("outcome", e.outcome().name().toLowerCase(java.util.Locale.ROOT));
        }
        report.put("next", "fix the cause and run the same command again (every step is idempotent), or run destroy");
        return report.toString();
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName()
                + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    /** A step failed; carries which one. */
    static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String resource;
        final String name;

        StepFailed(String resource, String name, Throwable cause) {
            super(resource + " " + name + " failed: " + cause.getMessage(), cause);
            this.resource = resource;
            this.name = name;
        }
    }
}
