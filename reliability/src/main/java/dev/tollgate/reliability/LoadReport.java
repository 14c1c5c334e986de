package dev.tollgate.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The figures of one load run, rendered as the text {@link LoadMain} prints. */
public record LoadReport(int users, int tabs, Duration duration, long acknowledgedNotes, Recorder recorder) {

    public long requests() {
        return recorder.statuses().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The {@code percent}-th percentile latency of an action in ms, or -1 without calls. */
    public long percentile(Action action, double percent) {
        List<Long> sorted = recorder.sortedLatencies(action);
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        double seconds = duration.toMillis() / 1000.0;
        if (duration.isZero()) {
            out.append(String.format(Locale.ROOT, "load: %d users x %d tabs, %d requests%n", users, tabs, requests()));
        } else {
            out.append(String.format(
                    Locale.ROOT,
                    "load: %d users x %d tabs, %.1f s, %d requests, %.1f requests/s%n",
                    users,
                    tabs,
                    seconds,
                    requests(),
                    requests() / Math.max(seconds, 0.001)));
        }
        out.append(String.format(
                Locale.ROOT,
                "%-28s %8s %7s %7s %7s %7s  %s%n",
                "route",
                "calls",
                "p50ms",
                "p95ms",
                "p99ms",
                "maxms",
                "statuses"));
        for (Action action : Action.values()) {
            long calls = recorder.statuses(action).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
            out.append(String.format(
                    Locale.ROOT,
                    "%-28s %8d %7d %7d %7d %7d  %s%n",
                    action.label(),
                    calls,
                    percentile(action, 50),
                    percentile(action, 95),
                    percentile(action, 99),
                    percentile(action, 100),
                    recorder.statuses(action)));
        }
        out.append(String.format(
                Locale.ROOT,
                "5xx: %d, transport errors: %d, acknowledged notes checked at the end: %d, violations: %d%n",
                recorder.count("5"),
                recorder.count("transport"),
                acknowledgedNotes,
                recorder.violationCount()));
        recorder.violations()
                .forEach(violation ->
                        out.append("  violation: ").append(violation).append('\n'));
        return out.toString();
    }
}
