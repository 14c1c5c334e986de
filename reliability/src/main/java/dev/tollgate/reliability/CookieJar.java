package dev.tollgate.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One user's cookies, shared by all of that user's tabs as a browser shares them: {@code Path} is honoured
 * (the refresh token only goes to the refresh route), and the cookies of one answer are applied together.
 */
final class CookieJar {

    private record Cookie(String value, String path) {}

    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    /** The {@code Cookie} header for a request to {@code path}, or {@code null} when none applies. */
    synchronized String header(String path) {
        String header = cookies.entrySet().stream()
                .filter(cookie -> path.startsWith(cookie.getValue().path()))
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue().value())
                .collect(Collectors.joining("; "));
        return header.isEmpty() ? null : header;
    }

    synchronized String value(String name) {
        Cookie cookie = cookies.get(name);
        return cookie == null ? null : cookie.value();
    }

    /**
     * Applies the {@code Set-Cookie} lines of one answer.
     *
     * @return the names of cookies the answer cleared (empty value or an expiry in the past)
     */
    synchronized List<String> apply(List<String> setCookies) {
        List<String> cleared = new ArrayList<>();
        for (String line : setCookies) {
            String[] parts = line.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            String path = "/";
            boolean expired = value.isEmpty();
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].trim().toLowerCase(Locale.ROOT);
                if (attribute.startsWith("path=")) {
                    path = parts[i].trim().substring(5);
                } else if (attribute.startsWith("expires=thu, 01 jan 1970") || attribute.equals("max-age=0")) {
                    expired = true;
                }
            }
            if (expired) {
                cookies.remove(name);
                cleared.add(name);
            } else {
                cookies.put(name, new Cookie(value, path));
            }
        }
        return cleared;
    }
}
