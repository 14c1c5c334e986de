package dev.tollgate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A harness that starts {@code LocalCloudMain}, reads the ready line and then reads nothing more, neither
 * standard output nor standard error: the local cloud must keep serving. Each gateway call writes a log
 * line; a pipe nobody reads holds 64 KB, a few hundred lines, so 2,000 calls would stall on a blocking
 * log write long before the end.
 */
class UnreadOutputIT {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final int CALLS = 2_000;

    @Test
    void servesThousandsOfCallsWhileNobodyReadsItsOutput() throws Exception {
        LocalCloudLayout layout = new LocalCloudLayout(REPO);
        for (Path needed : List.of(layout.authorizerJar(), layout.authApiJar(), layout.resolverJar(), layout.site())) {
            assertTrue(Files.exists(needed), "not built: " + REPO.relativize(needed));
        }
        Process main = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LocalCloudMain.class.getName(),
                        "--repo-root",
                        REPO.toString(),
                        "--web-port=0",
                        "--api-port=0",
                        "--appsync-port=0",
                        "--mailbox-port=0",
                        "--core-port=0",
                        "--dynamodb-port=0")
                .redirectError(ProcessBuilder.Redirect.PIPE) // never read
                .start();
        try {
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(main.getInputStream(), StandardCharsets.UTF_8));
            String readyLine =
                    CompletableFuture.supplyAsync(() -> readLine(out)).get(180, TimeUnit.SECONDS);
            JsonNode ready = CloudClient.JSON.readTree(readyLine);
            URI api = URI.create(ready.get("api").asText());
            URI web = URI.create(ready.get("web").asText());

            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            for (int i = 0; i < CALLS; i++) {
                // a route the API does not have: the gateway answers it itself, and logs a line
                HttpResponse<String> answer = http.send(
                        HttpRequest.newBuilder(URI.create(api + "/no-such-route/" + i))
                                .timeout(Duration.ofSeconds(20))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("call %d", i).isEqualTo(403);
            }
            // and the functions, whose own output goes the same way, still serve
            CloudClient client = new CloudClient(api, web);
            assertThat(client.signUp("unread-" + System.nanoTime() + "@example.com", "Correct-horse-7")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(client.graphql("/graphql", "{ me { userId } }").statusCode())
                    .isEqualTo(200);
        } finally {
            main.destroy();
            if (!main.waitFor(30, TimeUnit.SECONDS)) {
                main.destroyForcibly();
            }
        }
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
