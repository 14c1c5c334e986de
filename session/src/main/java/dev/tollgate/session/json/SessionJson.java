package dev.tollgate.session.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

/**
 * The library's one Jackson mapper, built once per process and shared by every class that reads or
 * writes JSON (tokens, the JWKS, CDI bodies, {@code front-token}, error bodies). Building a mapper is
 * not free on a cold JVM, and every extra one repeats part of it; no modules are registered (the
 * library only handles JSON trees). Only the immutable {@link ObjectReader} / {@link ObjectWriter} are
 * handed out, so no caller can reconfigure what the others use.
 *
 * <p>Internal to the session library: not part of its API.
 */
public final class SessionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectReader READER = MAPPER.reader();
    private static final ObjectWriter WRITER = MAPPER.writer();

    private SessionJson() {
    }

    /** A reader with Jackson's defaults; derive stricter ones with {@code reader().with(feature)}. */
    public static ObjectReader reader() {
        return READER;
    }

    /** A writer with Jackson's defaults (compact output). */
    public static ObjectWriter writer() {
        return WRITER;
    }
}
