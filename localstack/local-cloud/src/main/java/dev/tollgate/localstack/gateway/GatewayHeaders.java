package dev.tollgate.localstack.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Case-insensitive header look-up: HTTP header names are case-insensitive, clients differ in casing. */
final class GatewayHeaders {

    private GatewayHeaders() {}

    /** All values of {@code name}, across every casing present; null when there are none. */
    static List<String> get(Map<String, List<String>> headers, String name) {
        List<String> found = null;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                if (found == null) {
                    found = new ArrayList<>();
                }
                found.addAll(e.getValue());
            }
        }
        return found;
    }

    /** The last value of {@code name}, or null. */
    static String last(Map<String, List<String>> headers, String name) {
        List<String> values = get(headers, name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }
}
