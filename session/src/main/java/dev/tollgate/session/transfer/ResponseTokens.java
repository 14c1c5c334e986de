package dev.tollgate.session.transfer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Whether there is nothing to write. */
    public boolean isEmpty() {
        return setCookies.isEmpty() && headers.isEmpty();
    }

    /**
     * These tokens with {@code later} written after them, as node's response object combines writes: a
     * later cookie of the same name or header of the same name (any case) replaces the earlier one, and
     * {@code Access-Control-Expose-Headers} lists are merged instead (docs/supertokens.md#cookies, #writing-tokens).
     */
    public ResponseTokens followedBy(ResponseTokens later) {
        if (later.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return later;
        }
        List<String> cookies = new ArrayList<>(setCookies);
        for (String cookie : later.setCookies) {
            String name = cookieName(cookie);
            cookies.removeIf(earlier -> cookieName(earlier).equals(name));
            cookies.add(cookie);
        }
        Map<String, String> merged = new LinkedHashMap<>(headers);
        for (Map.Entry<String, String> header : later.headers.entrySet()) {
            String existing = keyIgnoringCase(merged, header.getKey());
            String value = header.getValue();
            if (existing != null && existing.equalsIgnoreCase(TokenWriter.EXPOSE_HEADERS)) {
                value = mergeExposedHeaders(merged.get(existing), value);
            }
            merged.put(existing != null ? existing : header.getKey(), value);
        }
        return new ResponseTokens(cookies, merged);
    }

    /**
     * Two {@code Access-Control-Expose-Headers} values as one, each name once, in first-seen order,
     * joined with {@code ", "} as node's AWS adapter does.
     *
     * @param earlier the value already written, or {@code null}
     */
    public static String mergeExposedHeaders(String earlier, String later) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : new String[] {earlier, later}) {
            if (value != null) {
                for (String name : value.split(",")) {
                    names.add(name.trim());
                }
            }
        }
        names.remove("");
        return String.join(", ", names);
    }

    private static String cookieName(String setCookie) {
        int eq = setCookie.indexOf('=');
        return eq < 0 ? setCookie : setCookie.substring(0, eq);
    }

    private static String keyIgnoringCase(Map<String, String> map, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String key : map.keySet()) {
            if (key.toLowerCase(Locale.ROOT).equals(lower)) {
                return key;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "ResponseTokens[" + setCookies.size() + " cookies, headers " + headers.keySet() + "]";
    }
}
