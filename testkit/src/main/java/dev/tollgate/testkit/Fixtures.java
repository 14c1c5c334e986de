package dev.tollgate.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Loads the event fixtures under {@code events/authorizer} of this kit, filling in {@code ${NAME}} placeholders. */
public final class Fixtures {

    private Fixtures() {}

    public static String event(String name) {
        return event(name, Map.of());
    }

    public static String event(String name, Map<String, String> values) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/events/authorizer/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
