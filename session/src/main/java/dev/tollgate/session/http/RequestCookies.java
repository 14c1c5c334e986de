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
        for (String line : headers.all("cookie")) {
            String value = find(line, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** How many times a cookie of that name occurs over all {@code Cookie} header lines. */
    public static int count(Headers headers, String name) {
        int n = 0;
        for (String line : headers.all("cookie")) {
            int start = nextNamed(line, name, 0);
            while (start >= 0) {
                n++;
                start = nextNamed(line, name, segmentEnd(line, start) + 1);
            }
        }
        return n;
    }

    private static String find(String line, String name) {
        int start = nextNamed(line, name, 0);
        if (start < 0) {
            return null;
        }
        return decode(line.substring(line.indexOf('=', start) + 1, segmentEnd(line, start))
                .trim());
    }

    /** Start of the first {@code ;}-separated pair at or after {@code from} whose name is {@code name}, or -1. */
    private static int nextNamed(String line, String name, int from) {
        int start = from;
        while (start <= line.length()) {
            int end = segmentEnd(line, start);
            if (nameMatches(line, start, end, name)) {
                return start;
            }
            start = end + 1;
        }
        return -1;
    }

    private static int segmentEnd(String line, int start) {
        int end = line.indexOf(';', start);
        return end < 0 ? line.length() : end;
    }

    private static boolean nameMatches(String line, int start, int end, String name) {
        int eq = line.indexOf('=', start);
        if (eq < 0 || eq >= end) {
            return false;
        }
        int s = start;
        int e = eq;
        while (s < e && Character.isWhitespace(line.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(line.charAt(e - 1))) {
            e--;
        }
        return e - s == name.length() && line.regionMatches(s, name, 0, name.length());
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
