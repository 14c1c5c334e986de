package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official supertokens-node 24 SDK (pinned in {@code conformance/package-lock.json}, installed by
 * {@code npm ci} in the build) drives a fresh stand-in through every session, emailpassword,
 * email-verification and user-roles function Tollgate relies on. The script reports one outcome per
 * check; the expected outcomes, in {@code node-conformance-expected.json}, are what a real core
 * 11.4.7 answers. A route the stand-in lacks makes node throw, which fails that check.
 */
class NodeConformanceIT {

    private static final String API_KEY = "conformance-api-key-0123456789";
    private static final Duration SCRIPT_LIMIT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CoreStandIn core;

    @BeforeAll
    static void start() {
        core = CoreStandIn.start(CoreConfig.builder().port(0).apiKey(API_KEY).build());
    }

    @AfterAll
    static void stop() {
        core.close();
    }

    @Test
    void supertokensNodeGetsTheRealCoresAnswerToEveryRecipeFunction() throws Exception {
        Map<String, JsonNode> expected = expectedOutcomes();
        Map<String, JsonNode> actual = runScript();

        SoftAssertions softly = new SoftAssertions();
        expected.forEach(
                (check, value) -> softly.assertThat(actual.get(check)).as(check).isEqualTo(value));
        softly.assertThat(actual.keySet()).as("checks the script ran").containsExactlyElementsOf(expected.keySet());
        softly.assertAll();
    }

    private static Map<String, JsonNode> expectedOutcomes() throws IOException {
        try (InputStream in = NodeConformanceIT.class.getResourceAsStream("/node-conformance-expected.json")) {
            assertThat(in)
                    .as("node-conformance-expected.json on the test classpath")
                    .isNotNull();
            Map<String, JsonNode> expected = new LinkedHashMap<>();
            JSON.readTree(in).properties().forEach(field -> expected.put(field.getKey(), field.getValue()));
            return expected;
        }
    }

    private static Map<String, JsonNode> runScript() throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("conformance.dir", "conformance")).toAbsolutePath();
        assertThat(dir.resolve("node_modules/supertokens-node"))
                .as("supertokens-node installed by npm ci in the build")
                .isDirectory();
        Path stderr = Files.createTempFile("node-conformance", ".err");
        ProcessBuilder builder = new ProcessBuilder(System.getProperty("node.executable", "node"), "conformance.js")
                .directory(dir.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("CORE_URI", core.uri().toString());
        builder.environment().put("CORE_API_KEY", API_KEY);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        boolean finished = process.waitFor(SCRIPT_LIMIT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String errors = Files.readString(stderr);
        Files.deleteIfExists(stderr);
        assertThat(finished).as("node finished within %s", SCRIPT_LIMIT).isTrue();
        assertThat(process.exitValue())
                .as("node exit code; stderr:%n%s", errors)
                .isZero();

        Map<String, JsonNode> outcomes = new LinkedHashMap<>();
        List<String> lines =
                new ArrayList<>(new String(out, StandardCharsets.UTF_8).lines().toList());
        for (String line : lines) {
            JsonNode result = JSON.readTree(line);
            outcomes.put(result.get("check").textValue(), result.get("value"));
        }
        return outcomes;
    }
}
