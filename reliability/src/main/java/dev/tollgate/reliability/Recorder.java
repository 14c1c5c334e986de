package dev.tollgate.reliability;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything the virtual users saw, thread-safe: latencies and statuses per route, and the violations of
 * the invariants (kept word for word up to {@value #KEPT_VIOLATIONS}, counted beyond).
 */
public final class Recorder {

    private static final int KEPT_VIOLATIONS = 50;

    private final Map<Route, List<Long>> latencies = new EnumMap<>(Route.class);
    private final Map<Route, Map<String, LongAdder>> statuses = new EnumMap<>(Route.class);
    private final List<String> violations = new ArrayList<>();
    private final AtomicLong violationCount = new AtomicLong();
    private final AtomicLong maxLatency = new AtomicLong();

    public Recorder() {
        for (Route route : Route.values()) {
            latencies.put(route, new ArrayList<>());
            statuses.put(route, new ConcurrentHashMap<>());
        }
    }

    void record(Route route, Outcome outcome) {
        List<Long> list = latencies.get(route);
        synchronized (list) {
            list.add(outcome.latencyMillis());
        }
        statuses.get(route)
                .computeIfAbsent(outcome.statusKey(), key -> new LongAdder())
                .increment();
        maxLatency.accumulateAndGet(outcome.latencyMillis(), Math::max);
    }

    void violation(String what) {
        if (violationCount.incrementAndGet() <= KEPT_VIOLATIONS) {
            synchronized (violations) {
                violations.add(what);
            }
        }
    }

    public long violationCount() {
        return violationCount.get();
    }

    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** The slowest answer of any route, in milliseconds. */
    public long maxLatencyMillis() {
        return maxLatency.get();
    }

    /** Status key (see {@link Outcome#statusKey()}) to count, for one route. */
    public Map<String, Long> statuses(Route route) {
        Map<String, Long> counts = new TreeMap<>();
        statuses.get(route).forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    /** Status key to count, over every route. */
    public Map<String, Long> statuses() {
        Map<String, Long> counts = new TreeMap<>();
        for (Route route : Route.values()) {
            statuses(route).forEach((key, count) -> counts.merge(key, count, Long::sum));
        }
        return counts;
    }

    /** How many answers had a status that starts with {@code prefix} ({@code "5"}, {@code "transport"}). */
    public long count(String prefix) {
        return statuses().entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    List<Long> sortedLatencies(Route route) {
        List<Long> list = latencies.get(route);
        List<Long> copy;
        synchronized (list) {
            copy = new ArrayList<>(list);
        }
        copy.sort(null);
        return copy;
    }
}
