package dev.tollgate.benchmarks;

import java.util.Collection;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link HotPathBenchmark} and prints the decision / raw-verify ratio of the same run (median and mean).
 * Usage: {@code HotPathRatio} (JMH's defaults from the annotations).
 */
public final class HotPathRatio {

    private HotPathRatio() {}

    public static void main(String[] args) throws RunnerException {
        Options options = new OptionsBuilder()
                .include(HotPathBenchmark.class.getName() + "\\.")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        Statistics decision = statistics(results, "decision");
        Statistics raw = statistics(results, "rawVerify");
        System.out.printf("%njava %s (%s)%n", System.getProperty("java.version"), System.getProperty("java.vm.name"));
        System.out.printf(
                "median: decision %.1f us, raw SHA256withRSA verify %.1f us, ratio %.2f%n",
                decision.getPercentile(50), raw.getPercentile(50), decision.getPercentile(50) / raw.getPercentile(50));
        System.out.printf(
                "mean:   decision %.1f us, raw SHA256withRSA verify %.1f us, ratio %.2f%n",
                decision.getMean(), raw.getMean(), decision.getMean() / raw.getMean());
    }

    private static Statistics statistics(Collection<RunResult> results, String method) {
        return results.stream()
                .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no result for " + method))
                .getPrimaryResult()
                .getStatistics();
    }
}
