package dev.tollgate.authapi.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.log.Level;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestLogTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private RequestLog log(Level threshold) {
        return new RequestLog(new PrintStream(out, true, StandardCharsets.UTF_8), threshold);
    }

    @Test
    void levelsFollowTheStatus() throws Exception {
        RequestLog log = log(Level.INFO);
        log.write(new RequestLog.Entry("r1", "POST", "/signin", 200, "ok", 3, "u1", null));
        log.write(new RequestLog.Entry(
                "r2", "POST", "/session/refresh", 401, "SessionRejected", 2, null, "no_refresh_token"));
        log.write(new RequestLog.Entry("r3", "POST", "/signup", 500, "CoreFailure", 9, null, "core down"));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        JsonNode ok = MAPPER.readTree(lines[0]);
        assertThat(ok.get("level").asText()).isEqualTo("INFO");
        assertThat(ok.get("component").asText()).isEqualTo("auth-api");
        assertThat(ok.get("event").asText()).isEqualTo("request");
        assertThat(ok.get("requestId").asText()).isEqualTo("r1");
        assertThat(ok.get("latencyMs").asDouble()).isEqualTo(3.0);
        assertThat(ok.get("userId").asText()).isEqualTo("u1");
        assertThat(ok.has("error")).isFalse();
        assertThat(MAPPER.readTree(lines[1]).get("level").asText()).isEqualTo("WARN");
        assertThat(MAPPER.readTree(lines[1]).has("userId")).isFalse();
        assertThat(MAPPER.readTree(lines[2]).get("level").asText()).isEqualTo("ERROR");
        assertThat(MAPPER.readTree(lines[2]).get("error").asText()).isEqualTo("core down");
    }

    @Test
    void warnThresholdKeepsOnlyFailures() {
        RequestLog log = log(Level.WARN);
        log.write(new RequestLog.Entry("r1", "POST", "/signin", 200, "ok", 3, "u1", null));
        log.write(new RequestLog.Entry("r2", "GET", "/nope", 404, "NotFound", 0, null, "No such route"));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0]).contains("\"status\":404");
    }

    @Test
    void errorThresholdDropsClientErrors() {
        RequestLog log = log(Level.ERROR);
        log.write(new RequestLog.Entry("r1", "GET", "/nope", 404, "NotFound", 0, null, "No such route"));
        log.write(new RequestLog.Entry("r2", "POST", "/signup", 500, "CoreFailure", 9, null, "core down"));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(1);
        assertThat(lines[0]).contains("\"status\":500");
    }
}
