package dev.tollgate.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.localstack.core.CoreStandIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * One command, both peers: the Java authorizer's warm decisions ({@link WarmDecisionBenchmark}) under
 * Lambda's JVM flags and under the JVM's defaults, and supertokens-node's {@code getSession} recipe
 * ({@code benchmarks/node/peer.js}) on the same tokens, the same events and the same core, run in
 * turn (C1, node, C2, node) so that load drift hits all of them. Prints the medians and the ratios.
 * Usage: {@code WarmComparison [missTokens] [rounds]}; run from the repository root.
 */
public final class WarmComparison {

    static final List<String> LAMBDA_FLAGS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1");
    static final Path NODE_PEER = Path.of("benchmarks/node/peer.js");

    private WarmComparison() {}

    public static void main(String[] args) throws Exception {
        int missTokens = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Path inputFile = Files.createTempFile("tollgate-warm-input", ".json");
        try (CoreStandIn core = WarmInput.startCore()) {
            WarmInput input = WarmInput.mint(core, missTokens);
            input.write(inputFile);
            // Rounds of C1, node, C2, node: each figure is the median of its rounds' medians, so a burst
            // of load on a shared machine moves one round, not the result.
            List<Map<String, Double>> c1Rounds = new ArrayList<>();
            List<Map<String, Double>> c2Rounds = new ArrayList<>();
            NodeFigures node = null;
            for (int round = 0; round < rounds; round++) {
                c1Rounds.add(jmh(inputFile, LAMBDA_FLAGS));
                node = pool(node, node(inputFile));
                c2Rounds.add(jmh(inputFile, List.of()));
                node = pool(node, node(inputFile));
            }
            Map<String, Double> c1 = medianOfRounds(c1Rounds);
            Map<String, Double> c2 = medianOfRounds(c2Rounds);
            System.out.printf(
                    "%njava %s (%s); %s; %d distinct tokens on the miss path%n",
                    System.getProperty("java.version"), System.getProperty("java.vm.name"), node.version, missTokens);
            System.out.printf("%-44s %10s %10s %10s%n", "median per decision (µs)", "Tollgate", "node", "ratio");
            row("same token again, Lambda flags (C1)", c1.get("hit"), node.hitMedian());
            row("token never seen before, Lambda flags (C1)", c1.get("miss"), node.missMedian());
            row("same token again, JVM defaults (C2)", c2.get("hit"), node.hitMedian());
            row("token never seen before, JVM defaults (C2)", c2.get("miss"), node.missMedian());
            System.out.printf(
                    "JDK-API SHA256withRSA verify alone: %.1f µs (C1), %.1f µs (C2)%n",
                    c1.get("rawVerify"), c2.get("rawVerify"));
        } finally {
            Files.deleteIfExists(inputFile);
        }
    }

    private static NodeFigures pool(NodeFigures soFar, NodeFigures next) {
        return soFar == null ? next : soFar.pool(next);
    }

    private static Map<String, Double> medianOfRounds(List<Map<String, Double>> rounds) {
        Map<String, Double> result = new LinkedHashMap<>();
        for (String benchmark : rounds.get(0).keySet()) {
            result.put(
                    benchmark, median(rounds.stream().map(r -> r.get(benchmark)).toList()));
        }
        return result;
    }

    private static void row(String name, double tollgate, double node) {
        System.out.printf("%-44s %10.1f %10.1f %9.2fx%n", name, tollgate, node, tollgate / node);
    }

    private static Map<String, Double> jmh(Path inputFile, List<String> flags) throws RunnerException {
        List<String> jvmArgs = new ArrayList<>(flags);
        jvmArgs.add("-D" + WarmInput.PROPERTY + "=" + inputFile.toAbsolutePath());
        Options options = new OptionsBuilder()
                .include(WarmDecisionBenchmark.class.getName() + "\\.")
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Map<String, Double> medians = new LinkedHashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            medians.put(
                    name.substring(name.lastIndexOf('.') + 1),
                    r.getPrimaryResult().getStatistics().getPercentile(50));
        }
        return medians;
    }

    /** Per-call timings of one Node process. */
    record NodeFigures(String version, List<Double> hitUs, List<Double> missUs) {
        NodeFigures pool(NodeFigures other) {
            List<Double> hit = new ArrayList<>(hitUs);
            hit.addAll(other.hitUs);
            List<Double> miss = new ArrayList<>(missUs);
            miss.addAll(other.missUs);
            return new NodeFigures(version, hit, miss);
        }

        double hitMedian() {
            return median(hitUs);
        }

        double missMedian() {
            return median(missUs);
        }
    }

    static NodeFigures node(Path inputFile) throws IOException, InterruptedException {
        if (!Files.exists(NODE_PEER)) {
            throw new IllegalStateException(
                    NODE_PEER + " not found: run from the repository root after the benchmarks build (npm ci)");
        }
        Process p = new ProcessBuilder("node", NODE_PEER.toString(), "warm", inputFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("the node peer failed");
        }
        JsonNode result = new ObjectMapper().readTree(out);
        return new NodeFigures(
                "node " + result.path("node").asText(), list(result.path("hitUs")), list(result.path("missUs")));
    }

    private static List<Double> list(JsonNode array) {
        List<Double> values = new ArrayList<>(array.size());
        array.forEach(v -> values.add(v.asDouble()));
        return values;
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
