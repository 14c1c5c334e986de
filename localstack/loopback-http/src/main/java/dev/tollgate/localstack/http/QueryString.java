package dev.tollgate.localstack.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A decoded query string ({@code application/x-www-form-urlencoded}): names and values percent-decoded
 * as UTF-8, {@code +} meaning a space, a name without {@code =} having the value "", every value of a
 * repeated name kept in order, names in first-seen order. A malformed escape ({@code %zz}, a cut-off
 * {@code %4}) or bytes that are not UTF-8 are refused rather than guessed at.
 */
public record QueryString(Map<String, List<String>> parameters) {

    private static final QueryString EMPTY = new QueryString(Map.of());

    public QueryString {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        parameters.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        parameters = Collections.unmodifiableMap(copy);
    }

    /**
     * Parses the raw (still encoded) query, as {@code URI.getRawQuery()} gives it; null or "" is empty.
     *
     * @throws MalformedQueryException naming the position of the bad escape (never the query's text,
     *                                 which may carry tokens)
     */
    public static QueryString parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                int eq = rawQuery.indexOf('=', start);
                boolean hasValue = eq >= 0 && eq < end;
                String name = decode(rawQuery, start, hasValue ? eq : end);
                String value = hasValue ? decode(rawQuery, eq + 1, end) : "";
                parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
            start = end + 1;
        }
        return new QueryString(parameters);
    }

    /** The first value of {@code name}, as servlet containers give it. */
    public Optional<String> first(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Every value of {@code name}, in order; empty when absent. */
    public List<String> all(String name) {
        return parameters.getOrDefault(name, List.of());
    }

    private static String decode(String raw, int from, int to) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= to) {
                    throw new MalformedQueryException("query string: cut-off percent-escape at position " + i);
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new MalformedQueryException("query string: malformed percent-escape at position " + i);
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < to) {
                    encoded = raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedQueryException(
                    "query string: escapes at positions " + from + ".." + to + " are not UTF-8");
        }
    }

    /** A query string that cannot be decoded; the stand-in answers it with its protocol's 400. */
    public static final class MalformedQueryException extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        MalformedQueryException(String message) {
            super(message);
        }
    }
}
