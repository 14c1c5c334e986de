package dev.tollgate.benchmarks;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Collection;

/**
 * Runs {@link HotPathBenchmark} and prints the decision / raw-verify ratio of the same run.
 * Usage: {@code HotPathRatio} (JMH's defaults from the annotations).
 */
public final class HotPathRatio {

    private HotPathRatio() {
    }

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder().include(HotPathBenchmark.class.getName() + "\\.").build();
        Collection<RunResult> results = new Runner(options).run();
        double decision = score(results, "decision");
        double raw = score(results, "rawVerify");
        System.out.printf("%njava %s (%s)%n", System.getProperty("java.version"), System.getProperty("java.vm.name"));
        System.out.printf("decision %.2f us/op, raw SHA256withRSA verify %.2f us/op, ratio %.2f%n",
                decision, raw, decision / raw);
    }

    private static double score(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + method))
                .getPrimaryResult().getScore();
    }
}
