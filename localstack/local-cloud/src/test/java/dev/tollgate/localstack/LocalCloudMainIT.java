package dev.tollgate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code LocalCloudMain} as the script runs it: one JSON ready line on standard output, then SIGTERM
 * stops the JVM and every function JVM it started, leaving no orphan; a start-up failure is one line on
 * standard error and exit status 1.
 */
class LocalCloudMainIT {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();

    @Test
    void sigtermStopsEveryFunctionJvm() throws Exception {
        LocalCloudLayout layout = new LocalCloudLayout(REPO);
        for (Path needed : List.of(layout.authorizerJar(), layout.authApiJar(), layout.resolverJar(), layout.site())) {
            assertTrue(Files.exists(needed), "not built: " + REPO.relativize(needed));
        }
        Process main = localCloud(
                        "--web-port",
                        "0",
                        "--api-port",
                        "0",
                        "--appsync-port",
                        "0",
                        "--mailbox-port",
                        "0",
                        "--core-port",
                        "0",
                        "--dynamodb-port",
                        "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(main.getInputStream(), StandardCharsets.UTF_8));
            String readyLine =
                    CompletableFuture.supplyAsync(() -> readLine(out)).get(120, TimeUnit.SECONDS);
            JsonNode ready = CloudClient.JSON.readTree(readyLine);
            assertThat(ready.get("event").asText()).isEqualTo("ready");
            assertThat(readLine(out))
                    .startsWith("Tollgate is running: open " + ready.get("web").asText());

            // cold-start two functions: the auth API (sign up) and the authorizer (a GraphQL call)
            CloudClient client = new CloudClient(
                    URI.create(ready.get("api").asText()),
                    URI.create(ready.get("web").asText()));
            assertThat(client.signUp("sigterm-" + System.nanoTime() + "@example.com", "Correct-horse-7")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(client.graphql("/graphql", "{ me { userId } }").statusCode())
                    .isEqualTo(200);
            List<ProcessHandle> children =
                    main.descendants().filter(ProcessHandle::isAlive).toList();
            assertThat(children).as("function JVMs").hasSizeGreaterThanOrEqualTo(3);

            main.destroy(); // SIGTERM

            assertThat(main.waitFor(30, TimeUnit.SECONDS))
                    .as("main exits after SIGTERM")
                    .isTrue();
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
                assertThat(child.isAlive()).as("function JVM " + child.pid()).isFalse();
            }
        } finally {
            main.descendants().forEach(ProcessHandle::destroyForcibly);
            main.destroyForcibly();
        }
    }

    @Test
    void aPortInUseIsOneLineAndExitStatusOne() throws Exception {
        LocalCloudLayout layout = new LocalCloudLayout(REPO);
        for (Path needed : List.of(layout.authorizerJar(), layout.authApiJar(), layout.resolverJar(), layout.site())) {
            assertTrue(Files.exists(needed), "not built: " + REPO.relativize(needed));
        }
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Process main = localCloud("--web-port", Integer.toString(taken.getLocalPort()))
                    .start();
            assertThat(main.waitFor(60, TimeUnit.SECONDS)).isTrue();

            assertThat(main.exitValue()).isEqualTo(1);
            assertThat(new String(main.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEmpty();
            assertThat(new String(main.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("tollgate-local: web host: port " + taken.getLocalPort()
                            + " on 127.0.0.1 is in use (use --web-port 0 for a free port, or another --web-port)\n");
        }
    }

    /** {@code LocalCloudMain} in a JVM of its own, on this repository, with {@code options}. */
    private static ProcessBuilder localCloud(String... options) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LocalCloudMain.class.getName(),
                "--repo-root",
                REPO.toString()));
        command.addAll(List.of(options));
        return new ProcessBuilder(command);
    }

    private static String readLine(BufferedReader reader) {
        try {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalStateException("LocalCloudMain ended before printing its ready line");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
