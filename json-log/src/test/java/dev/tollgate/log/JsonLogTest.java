package dev.tollgate.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-02T03:04:05.678Z"), ZoneOffset.UTC);

    private final List<String> lines = new ArrayList<>();

    private JsonLog log(Level threshold) {
        return new JsonLog(lines::add, "tester", threshold, CLOCK);
    }

    @Test
    void commonFieldsComeFirstInOneVocabulary() {
        log(Level.INFO)
                .line(Level.INFO, "request")
                .field("status", 200)
                .latencyMs(12.3456)
                .requestId("r-1")
                .field("route", "/auth/signin")
                .field("ok", true)
                .write();

        assertThat(lines)
                .containsExactly("{\"time\":\"2025-01-02T03:04:05.678Z\",\"level\":\"INFO\",\"component\":\"tester\","
                        + "\"event\":\"request\",\"requestId\":\"r-1\",\"latencyMs\":12.346,\"status\":200,"
                        + "\"route\":\"/auth/signin\",\"ok\":true}");
    }

    @Test
    void latencyIsDecimalMillisecondsWithMicrosecondPrecision() {
        JsonLog log = log(Level.DEBUG);
        log.line(Level.INFO, "a").latency(Duration.ofNanos(1_234_567)).write();
        log.line(Level.INFO, "b").latency(Duration.ZERO).write();
        log.line(Level.INFO, "c").latencyMs(20_000_000.5).write();

        assertThat(lines.get(0)).contains("\"latencyMs\":1.234}");
        assertThat(lines.get(1)).contains("\"latencyMs\":0.000}");
        assertThat(lines.get(2)).contains("\"latencyMs\":20000000.500}");
    }

    @Test
    void linesBelowTheThresholdAreDropped() {
        JsonLog log = log(Level.WARN);
        log.line(Level.DEBUG, "d").write();
        log.line(Level.INFO, "i").write();
        log.line(Level.WARN, "w").write();
        log.line(Level.ERROR, "e").write();

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("\"level\":\"WARN\"", "\"event\":\"w\"");
        assertThat(lines.get(1)).contains("\"level\":\"ERROR\"", "\"event\":\"e\"");
        assertThat(log.enabled(Level.INFO)).isFalse();
        assertThat(log.enabled(Level.ERROR)).isTrue();
    }

    @Test
    void eventFieldsCannotOverrideTheCommonOnesAndNullsAreLeftOut() {
        log(Level.INFO)
                .line(Level.INFO, "x")
                .field("level", "DEBUG")
                .field("component", "other")
                .field("userId", null)
                .write();

        assertThat(lines)
                .containsExactly("{\"time\":\"2025-01-02T03:04:05.678Z\",\"level\":\"INFO\","
                        + "\"component\":\"tester\",\"event\":\"x\"}");
    }

    @Test
    void nestedValuesAndAwkwardTextStayValidJson() throws IOException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("text", "quote \" backslash \\ newline \n tab \t");
        fields.put("list", List.of(1, "two", 3.5));
        fields.put("map", Map.of("k", "v"));
        fields.put("nan", Double.NaN);
        log(Level.INFO).event(Level.INFO, "nested", fields);

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("\n");
        try (JsonParser parser = new JsonFactory().createParser(lines.get(0))) {
            while (parser.nextToken() != null) {
                // a malformed line throws here
            }
        }
        assertThat(lines.get(0)).contains("\"list\":[1,\"two\",3.5]", "\"map\":{\"k\":\"v\"}", "\"nan\":null");
    }

    @Test
    void aFailingSinkNeverThrowsIntoTheCaller() {
        JsonLog log = new JsonLog(
                line -> {
                    throw new IllegalStateException("disk full");
                },
                "tester",
                Level.DEBUG,
                CLOCK);
        Object unprintable = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };

        assertThatCode(() -> log.line(Level.ERROR, "x").field("v", unprintable).write())
                .doesNotThrowAnyException();
        assertThatCode(() -> log.event(Level.ERROR, "x", Map.of("a", 1))).doesNotThrowAnyException();
    }

    @Test
    void printStreamWriterWritesOneLinePerCall() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonLog log = JsonLog.to(new PrintStream(bytes, true, StandardCharsets.UTF_8), "printer", Level.INFO);
        log.line(Level.INFO, "one").write();
        log.line(Level.WARN, "two").requestId("r").write();

        String[] written = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(written).hasSize(2);
        for (String line : written) {
            try (JsonParser parser = new JsonFactory().createParser(line)) {
                assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
                assertThat(parser.nextFieldName()).isEqualTo("time");
            }
        }
        assertThat(written[1]).contains("\"component\":\"printer\"", "\"event\":\"two\"", "\"requestId\":\"r\"");
    }
}
