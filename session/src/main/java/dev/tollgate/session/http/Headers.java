package dev.tollgate.session.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable, case-insensitive view of request headers that keeps every value of a repeated header.
 *
 * <p>API Gateway hands a Lambda both {@code multiValueHeaders} (every value) and {@code headers} (the
 * last value of each name); {@link #of(Map, Map)} prefers the multi-valued map and falls back to the
 * single-valued one for names that only appear there. Null names and values are skipped, never trusted.
 */
public final class Headers {
    private static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, List<String>> byLowerName;

    private Headers(Map<String, List<String>> byLowerName) {
        this.byLowerName = byLowerName;
    }

    /** No headers. */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Builds the view from API Gateway-style maps; either may be {@code null}.
     *
     * @param multiValueHeaders name to all values, e.g. the event's {@code multiValueHeaders}
     * @param headers name to one value, e.g. the event's {@code headers}
     */
    public static Headers of(Map<String, ? extends Collection<String>> multiValueHeaders, Map<String, String> headers) {
        Builder b = builder();
        if (multiValueHeaders != null) {
            for (Map.Entry<String, ? extends Collection<String>> e : multiValueHeaders.entrySet()) {
                if (e.getKey() != null && e.getValue() != null) {
                    for (String v : e.getValue()) {
                        b.add(e.getKey(), v);
                    }
                }
            }
        }
        if (headers != null) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey() != null && !b.values.containsKey(e.getKey().toLowerCase(Locale.ROOT))) {
                    b.add(e.getKey(), e.getValue());
                }
            }
        }
        return b.build();
    }

    /** Builds the view from a single-valued map (e.g. an HTTP API event or a test). */
    public static Headers ofSingle(Map<String, String> headers) {
        return of(null, headers);
    }

    /** Builds the view from a multi-valued map (e.g. {@code multiValueHeaders}). */
    public static Headers ofMulti(Map<String, ? extends Collection<String>> headers) {
        return of(headers, null);
    }

    /** A builder that appends values in order. */
    public static Builder builder() {
        return new Builder();
    }

    /** The first value of the header, or {@code null} if absent. */
    public String first(String name) {
        List<String> values = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }

    /** Every value of the header in arrival order; empty if absent. */
    public List<String> all(String name) {
        List<String> values = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return values == null ? List.of() : values;
    }

    /** Whether the header is present at all (with any value, including empty). */
    public boolean has(String name) {
        return byLowerName.containsKey(name.toLowerCase(Locale.ROOT));
    }

    /** Lower-cased names of all headers present. */
    public Collection<String> names() {
        return byLowerName.keySet();
    }

    @Override
    public String toString() {
        // Values are deliberately not printed: they may be tokens or cookies.
        return "Headers" + byLowerName.keySet();
    }

    /** Collects header values; names are compared case-insensitively. */
    public static final class Builder {
        private final Map<String, List<String>> values = new HashMap<>();

        private Builder() {}

        public Builder add(String name, String value) {
            if (name != null && value != null) {
                values.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                        .add(value);
            }
            return this;
        }

        public Headers build() {
            if (values.isEmpty()) {
                return EMPTY;
            }
            Map<String, List<String>> copy = new HashMap<>(values.size() * 2);
            values.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
            return new Headers(Collections.unmodifiableMap(copy));
        }
    }
}
