package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testkit.CdiCalls;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The standalone entry point: flags, the ready line, exit code 2 for bad flags. */
class CoreMainTest {

    @Test
    void parsesEveryFlag() {
        CoreConfig config = CoreMain.parse(new String[] {
                    "--port",
                    "3567",
                    "--api-key",
                    "key-0123456789abcdefghij",
                    "--access-token-validity",
                    "30",
                    "--refresh-token-validity",
                    "60",
                    "--key-rotation-interval",
                    "24"
                })
                .orElseThrow();

        assertThat(config.port()).isEqualTo(3567);
        assertThat(config.apiKey()).hasValue("key-0123456789abcdefghij");
        assertThat(config.accessTokenValidity()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.refreshTokenValidity()).isEqualTo(Duration.ofMinutes(60));
        assertThat(config.keyRotationInterval()).isEqualTo(Duration.ofHours(24));
        assertThat(CoreMain.parse(new String[] {"--key-rotation-interval=PT10M"})
                        .orElseThrow()
                        .keyRotationInterval())
                .isEqualTo(Duration.ofMinutes(10));
        assertThat(config.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void refusesBadFlags() {
        assertThatThrownBy(() -> CoreMain.parse(new String[] {"--port"}))
                .hasMessage("Missing required parameter for option '--port' (N)");
        assertThatThrownBy(() -> CoreMain.parse(new String[] {"--port", "x"}))
                .hasMessage("--port needs a whole number, got 'x'");
        assertThatThrownBy(() -> CoreMain.parse(new String[] {"--port", "70000"}))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> CoreMain.parse(new String[] {"--verbose", "1"}))
                .hasMessage("Unknown options: '--verbose', '1'");
        assertThatThrownBy(() -> CoreMain.parse(new String[] {"--access-token-validity", "0"}))
                .hasMessage("--access-token-validity must be positive, got 0");
        assertThatThrownBy(() -> CoreMain.parse(new String[] {"--key-rotation-interval", "soon"}))
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> CoreMain.parse(new String[] {"--key-rotation-interval", "PT1M"}))
                .hasMessageContaining("at least 2 minutes");
        assertThatThrownBy(() -> CoreMain.parse(new String[] {"--host", "0.0.0.0"}))
                .hasMessageContaining("loopback only");
        assertThatThrownBy(() -> CoreMain.parse(new String[] {"--api-key", "bad key!"}))
                .hasMessageContaining("api key");
        assertThatThrownBy(() -> CoreMain.parse(
                        new String[] {"--access-token-validity", "7200", "--refresh-token-validity", "60"}))
                .hasMessageContaining("longer than access token validity");
    }

    @Test
    void helpListsEveryFlag() {
        assertThat(CoreMain.parse(new String[] {"--help"})).isEmpty();
        assertThat(CoreMain.usage())
                .contains(
                        "--host",
                        "--port",
                        "--api-key",
                        "--access-token-validity",
                        "--refresh-token-validity",
                        "--key-rotation-interval",
                        "--help");
    }

    @Test
    void badFlagExitsWithCode2AndOneLine() throws Exception {
        Process process = java("--port", "nope");

        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        List<String> err = lines(process.getErrorStream().readAllBytes());
        assertThat(err).containsExactly("core stand-in: --port needs a whole number, got 'nope'");
    }

    @Test
    void printsOneReadyLineAndServes() throws Exception {
        Process process = java("--port", "0");
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            JsonNode ready = CdiCalls.read(out.readLine());

            assertThat(ready.get("event").asText()).isEqualTo("ready");
            assertThat(ready.get("uri").asText()).startsWith("http://127.0.0.1:");
            CdiCalls calls = new CdiCalls(URI.create(ready.get("uri").asText()));
            assertThat(calls.get("/hello").body()).isEqualTo("Hello\n");
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp",
                System.getProperty("java.class.path"),
                CoreMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).start();
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
