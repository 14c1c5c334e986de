package dev.tollgate.appsync;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** One note, as stored and as returned to GraphQL ({@code Note { id text createdAt }}). */
record Note(String id, String text, Instant createdAt) {

    /** {@code AWSDateTime}: ISO-8601 in UTC with milliseconds. */
    static final DateTimeFormatter AWS_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    Map<String, Object> toGraphQl() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("text", text);
        out.put("createdAt", AWS_DATE_TIME.format(createdAt));
        return out;
    }
}
