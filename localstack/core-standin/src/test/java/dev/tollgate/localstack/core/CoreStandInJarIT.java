package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.testkit.CdiCalls;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code java -jar target/core-standin.jar}: the shaded jar runs the stand-in alone. */
class CoreStandInJarIT {

    private static final Path JAR = Path.of(System.getProperty("tollgate.coreStandInJar", "target/core-standin.jar"));

    @BeforeAll
    static void jarIsBuilt() {
        assertThat(JAR).as("built by mvn package").isRegularFile();
    }

    @Test
    void startsAloneOnAnEphemeralPortPrintsOneReadyLineAndServesHelloAndApiVersion() throws Exception {
        Process process = java("--port", "0");
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            JsonNode ready = CdiCalls.read(out.readLine());

            assertThat(ready.get("event").asText()).isEqualTo("ready");
            assertThat(ready.get("component").asText()).isEqualTo("core-stand-in");
            URI uri = URI.create(ready.get("uri").asText());
            assertThat(uri.toString())
                    .isEqualTo("http://127.0.0.1:" + ready.get("port").asInt());
            CdiCalls calls = new CdiCalls(uri);

            HttpResponse<String> hello = calls.get("/hello");
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("Hello\n");

            HttpResponse<String> versions = calls.get("/apiversion");
            assertThat(versions.statusCode()).isEqualTo(200);
            List<String> listed = new ArrayList<>();
            CdiCalls.read(versions.body()).get("versions").forEach(v -> listed.add(v.asText()));
            assertThat(listed).contains("5.4");
        } finally {
            stop(process);
        }
    }

    @Test
    void aPortInUseIsOneLineAndExitStatus1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process process = java("--port=" + taken.getLocalPort());

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines())
                    .containsExactly("core-stand-in: port " + taken.getLocalPort()
                            + " on 127.0.0.1 is in use (--port 0 picks a free port)");
        }
    }

    @Test
    void helpListsTheFlagsAndExits0() throws Exception {
        Process process = java("--help");

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("Usage: core-standin", "--port=N", "--api-key=KEY", "--key-rotation-interval");
    }

    private static Process java(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .directory(new File(System.getProperty("java.io.tmpdir")))
                .start();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
