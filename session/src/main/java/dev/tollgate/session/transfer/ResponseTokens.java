package dev.tollgate.session.transfer;

import java.util.List;
import java.util.Map;

/**
 * What a response must carry to hand tokens to the frontend: {@code Set-Cookie} lines (one per cookie,
 * never comma-joined) and other headers in a stable order ({@code front-token}, {@code st-access-token},
 * {@code st-refresh-token}, {@code anti-csrf}, {@code Access-Control-Expose-Headers}).
 * Values are secrets: never log them.
 */
public record ResponseTokens(List<String> setCookies, Map<String, String> headers) {
    /** Nothing to write. */
    public static final ResponseTokens NONE = new ResponseTokens(List.of(), Map.of());

    public ResponseTokens {
        setCookies = List.copyOf(setCookies);
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return setCookies.isEmpty() && headers.isEmpty();
    }

    @Override
    public String toString() {
        return "ResponseTokens[" + setCookies.size() + " cookies, headers " + headers.keySet() + "]";
    }
}
