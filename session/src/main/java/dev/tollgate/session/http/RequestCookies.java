package dev.tollgate.session.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads cookies out of every {@code Cookie} header line, the way node's {@code cookie} library does
 * (docs/supertokens.md#request-parsing): pairs split on {@code ;}, trimmed, the first occurrence of a name wins, surrounding
 * double quotes are stripped and values containing {@code %} are percent-decoded (a value that does
 * not decode is kept as is).
 */
public final class RequestCookies {
    private RequestCookies() {}

    /** The value of the first cookie with that name, or {@code null}. */
    public static String get(Headers headers, String name) {
        return scan(headers, name).value(name);
    }

    /** How many times a cookie of that name occurs over all {@code Cookie} header lines. */
    public static int count(Headers headers, String name) {
        return scan(headers, name).count(name);
    }

    /**
     * The first value and the number of occurrences of each of {@code names}, read in one pass over
     * every {@code Cookie} line: a verification asks about two names on every request, and on
     * Lambda's C1-only JIT each pass over a 2 KB header is a measurable part of a cached decision.
     */
    public static Scan scan(Headers headers, String... names) {
        String[] values = new String[names.length];
        int[] counts = new int[names.length];
        for (String line : headers.all("cookie")) {
            int start = 0;
            while (start <= line.length()) {
                int end = segmentEnd(line, start);
                int eq = line.indexOf('=', start);
                if (eq >= 0 && eq < end) {
                    int i = nameIndex(line, start, eq, names);
                    if (i >= 0 && counts[i]++ == 0) {
                        values[i] = decode(line.substring(eq + 1, end).trim());
                    }
                }
                start = end + 1;
            }
        }
        return new Scan(names, values, counts);
    }

    /** What {@link #scan} found; asking about a name that was not scanned is a bug. */
    public static final class Scan {
        private final String[] names;
        private final String[] values;
        private final int[] counts;

        private Scan(String[] names, String[] values, int[] counts) {
            this.names = names;
            this.values = values;
            this.counts = counts;
        }

        /** The value of the first cookie with that name, or {@code null}. */
        public String value(String name) {
            return values[indexOf(name)];
        }

        /** How many times a cookie of that name occurs. */
        public int count(String name) {
            return counts[indexOf(name)];
        }

        private int indexOf(String name) {
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            throw new IllegalArgumentException("cookie " + name + " was not scanned");
        }
    }

    private static int segmentEnd(String line, int start) {
        int end = line.indexOf(';', start);
        return end < 0 ? line.length() : end;
    }

    /** Which of {@code names} the pair's name (before its {@code =}, trimmed) is, or -1. */
    private static int nameIndex(String line, int start, int eq, String[] names) {
        int s = start;
        int e = eq;
        while (s < e && Character.isWhitespace(line.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(line.charAt(e - 1))) {
            e--;
        }
        for (int i = 0; i < names.length; i++) {
            if (e - s == names[i].length() && line.regionMatches(s, names[i], 0, names[i].length())) {
                return i;
            }
        }
        return -1;
    }

    private static String decode(String raw) {
        String v = raw;
        if (v.length() >= 2 && v.charAt(0) == '"' && v.charAt(v.length() - 1) == '"') {
            v = v.substring(1, v.length() - 1);
        }
        if (v.indexOf('%') < 0) {
            return v;
        }
        try {
            // URLDecoder would turn '+' into a space; cookie values keep '+' literally.
            return URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return v;
        }
    }
}
