package dev.tollgate.authorizer.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client's request headers as API Gateway delivered them: names compared case-insensitively,
 * every value of a repeated header kept in arrival order.
 *
 * <p>API Gateway puts one value per name in {@code headers} and all of them in
 * {@code multiValueHeaders}; browsers over HTTP/2 send each cookie pair on its own {@code cookie}
 * line, so only the multi-value map is complete. A name present there wins over {@code headers}.
 */
public final class RequestHeaders {

    private static final RequestHeaders EMPTY = new RequestHeaders(Map.of());

    private final Map<String, List<String>> byLowerName;

    private RequestHeaders(Map<String, List<String>> byLowerName) {
        this.byLowerName = byLowerName;
    }

    public static RequestHeaders empty() {
        return EMPTY;
    }

    /**
     * Merges the two maps of the event.
     *
     * @param single one value per name ({@code headers}); names may differ from {@code multi} in case
     * @param multi  all values per name ({@code multiValueHeaders})
     */
    static RequestHeaders merge(Map<String, String> single, Map<String, List<String>> multi) {
        Map<String, List<String>> merged = new TreeMap<>();
        multi.forEach((name, values) ->
                merged.computeIfAbsent(lower(name), k -> new ArrayList<>()).addAll(values));
        Map<String, List<String>> fromSingle = new TreeMap<>();
        single.forEach((name, value) -> {
            String key = lower(name);
            if (!merged.containsKey(key)) {
                fromSingle.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        });
        merged.putAll(fromSingle);
        merged.replaceAll((k, v) -> List.copyOf(v));
        return merged.isEmpty() ? EMPTY : new RequestHeaders(Collections.unmodifiableMap(merged));
    }

    /** Every value of the header, in order; empty when absent. */
    public List<String> all(String name) {
        return byLowerName.getOrDefault(lower(name), List.of());
    }

    /** The first value of the header, or {@code null}. */
    public String first(String name) {
        List<String> values = all(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Lower-cased names mapped to their values, for adapters that need the whole view. */
    public Map<String, List<String>> asMap() {
        return byLowerName;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
