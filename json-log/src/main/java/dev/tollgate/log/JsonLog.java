package dev.tollgate.log;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SegmentedStringWriter;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One component's structured log: one JSON object per line, always in the same vocabulary.
 *
 * <p>Every line starts with {@code time} (ISO-8601 UTC), {@code level}, {@code component} and
 * {@code event}, then {@code requestId} and {@code latencyMs} (milliseconds as a decimal number) when
 * the line has them, then the event's own fields in the order they were added. Lines below the
 * threshold are dropped. Writing never throws: a line that cannot be written is lost rather than
 * failing the request it describes.
 *
 * <p>Callers choose every field; nothing is copied from a request wholesale, so tokens, cookies,
 * passwords and keys stay out as long as no caller adds them.
 */
public final class JsonLog {

    /** Names of the common fields; an event field with one of these names is left out. */
    public static final Set<String> COMMON_FIELDS =
            Set.of("time", "level", "component", "event", "requestId", "latencyMs");

    private static final JsonFactory JSON = new JsonFactory();

    private final Consumer<String> sink;
    private final String component;
    private final Level threshold;
    private final Clock clock;

    /**
     * @param sink receives each finished line without a line terminator
     * @param component the writer's name, the same on every line
     * @param threshold lines below this level are dropped
     * @param clock source of {@code time}
     */
    public JsonLog(Consumer<String> sink, String component, Level threshold, Clock clock) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.component = Objects.requireNonNull(component, "component");
        this.threshold = Objects.requireNonNull(threshold, "threshold");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes each line with one {@code println} on {@code out}, so concurrent lines never interleave. */
    public static JsonLog to(PrintStream out, String component, Level threshold) {
        Objects.requireNonNull(out, "out");
        return new JsonLog(out::println, component, threshold, Clock.systemUTC());
    }

    /** Whether lines of this level are written; lets callers skip building a costly field. */
    public boolean enabled(Level level) {
        return threshold.allows(level);
    }

    /** Starts a line; nothing is written until {@link Line#write()}. */
    public Line line(Level level, String event) {
        return new Line(level, event);
    }

    /** Writes a line with no request id or latency and the given fields, in the map's order. */
    public void event(Level level, String event, Map<String, ?> fields) {
        Line line = line(level, event);
        if (fields != null) {
            fields.forEach(line::field);
        }
        line.write();
    }

    /** One line being built. Not thread-safe; build and write it on one thread. */
    public final class Line {
        private final Level level;
        private final String event;
        private String requestId;
        private BigDecimal latencyMs;
        private final List<Map.Entry<String, Object>> fields = new ArrayList<>();

        private Line(Level level, String event) {
            this.level = level;
            this.event = event;
        }

        public Line requestId(String id) {
            this.requestId = id;
            return this;
        }

        /** Latency in milliseconds, written with microsecond precision. */
        public Line latencyMs(double millis) {
            if (Double.isFinite(millis)) {
                this.latencyMs = BigDecimal.valueOf(Math.round(millis * 1000), 3);
            }
            return this;
        }

        public Line latency(Duration duration) {
            if (duration != null) {
                long micros = duration.toNanos() / 1000;
                this.latencyMs = BigDecimal.valueOf(micros, 3);
            }
            return this;
        }

        /** Latency since {@code startNanos}, a {@link System#nanoTime()} reading. */
        public Line latencySince(long startNanos) {
            return latency(Duration.ofNanos(System.nanoTime() - startNanos));
        }

        /**
         * Adds an event field: a string, number, boolean, map (object) or collection (array); anything
         * else is written as its {@code toString()}. A null value or a common field's name is left out.
         */
        public Line field(String name, Object value) {
            if (name != null && value != null && !COMMON_FIELDS.contains(name)) {
                fields.add(Map.entry(name, value));
            }
            return this;
        }

        /** Renders and writes the line if its level passes the threshold. Never throws. */
        public void write() {
            try {
                if (level == null || !threshold.allows(level)) {
                    return;
                }
                sink.accept(render());
            } catch (RuntimeException | IOException e) {
                // The line is lost; a logging failure must not fail the work it describes.
            }
        }

        private String render() throws IOException {
            // Jackson's own unsynchronised writer: a StringWriter takes a lock on every write, which
            // Lambda's C1-only JIT does not elide (a line is rendered on every authorizer decision).
            SegmentedStringWriter text = new SegmentedStringWriter(new BufferRecycler());
            try (JsonGenerator g = JSON.createGenerator(text)) {
                g.writeStartObject();
                g.writeStringField("time", IsoTime.format(clock.instant()));
                g.writeStringField("level", level.name());
                g.writeStringField("component", component);
                g.writeStringField("event", event == null ? "" : event);
                if (requestId != null) {
                    g.writeStringField("requestId", requestId);
                }
                if (latencyMs != null) {
                    g.writeFieldName("latencyMs");
                    g.writeNumber(latencyMs);
                }
                for (Map.Entry<String, Object> field : fields) {
                    g.writeFieldName(field.getKey());
                    writeValue(g, field.getValue(), 0);
                }
                g.writeEndObject();
            }
            return text.getAndClear();
        }
    }

    private static void writeValue(JsonGenerator g, Object value, int depth) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(d);
            } else {
                g.writeNull();
            }
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else if (value instanceof BigInteger i) {
            g.writeNumber(i);
        } else if (value instanceof Map<?, ?> map && depth < 8) {
            g.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                g.writeFieldName(String.valueOf(entry.getKey()));
                writeValue(g, entry.getValue(), depth + 1);
            }
            g.writeEndObject();
        } else if (value instanceof Collection<?> list && depth < 8) {
            g.writeStartArray();
            for (Object item : list) {
                writeValue(g, item, depth + 1);
            }
            g.writeEndArray();
        } else {
            g.writeString(String.valueOf(value));
        }
    }
}
