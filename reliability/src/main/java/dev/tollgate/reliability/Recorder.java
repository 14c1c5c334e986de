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

    private final Map<Action, List<Long>> latencies = new EnumMap<>(Action.class);
    private final Map<Action, Map<String, LongAdder>> statuses = new EnumMap<>(Action.class);
    private final List<String> violations = new ArrayList<>();
    private final AtomicLong violationCount = new AtomicLong();
    private final AtomicLong maxLatency = new AtomicLong();

    public Recorder() {
        for (Action action : Action.values()) {
            latencies.put(action, new ArrayList<>());
            statuses.put(action, new ConcurrentHashMap<>());
        }
    }

    void record(Action action, Answer answer) {
        List<Long> list = latencies.get(action);
        synchronized (list) {
            list.add(answer.latencyMillis());
        }
        statuses.get(action)
                .computeIfAbsent(answer.statusKey(), key -> new LongAdder())
                .increment();
        maxLatency.accumulateAndGet(answer.latencyMillis(), Math::max);
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

    /** The slowest answer of any action, in milliseconds. */
    public long maxLatencyMillis() {
        return maxLatency.get();
    }

    /** Status key (see {@link Answer#statusKey()}) to count, for one action. */
    public Map<String, Long> statuses(Action action) {
        Map<String, Long> counts = new TreeMap<>();
        statuses.get(action).forEach((key, count) -> counts.put(key, count.sum()));
        return counts;
    }

    /** Status key to count, over every action. */
    public Map<String, Long> statuses() {
        Map<String, Long> counts = new TreeMap<>();
        for (Action action : Action.values()) {
            statuses(action).forEach((key, count) -> counts.merge(key, count, Long::sum));
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

    List<Long> sortedLatencies(Action action) {
        List<Long> list = latencies.get(action);
        List<Long> copy;
        synchronized (list) {
            copy = new ArrayList<>(list);
        }
        copy.sort(null);
        return copy;
    }
}
