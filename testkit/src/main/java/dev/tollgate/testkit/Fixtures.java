package dev.tollgate.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Loads the event fixtures of this kit: the authorizer's API Gateway REQUEST events under {@code
 * events/authorizer} (with {@code ${NAME}} placeholders to fill in) and AppSync's direct Lambda
 * resolver events under {@code events/appsync}.
 */
public final class Fixtures {

    private Fixtures() {}

    /** An authorizer event as it is. */
    public static String event(String name) {
        return event(name, Map.of());
    }

    /** An authorizer event with its {@code ${NAME}} placeholders replaced by {@code values}. */
    public static String event(String name, Map<String, String> values) {
        String text = read("/events/authorizer/" + name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("${" + e.getKey() + "}", e.getValue());
        }
        return text;
    }

    /** An AppSync resolver event, one per operation, e.g. {@code query-notes.json}. */
    public static String appsyncEvent(String name) {
        return read("/events/appsync/" + name);
    }

    private static String read(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
