package dev.tollgate.appsync;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Crosses the JSON boundary as Lambda's Java runtime does for a stream handler: the event text goes in
 * as bytes, the result comes out as bytes, and a thrown exception becomes {@code errorMessage} /
 * {@code errorType} (the class name, as the runtime interface client reports it).
 */
final class LambdaBoundary {

    record Outcome(String payloadJson, String errorMessage, String errorType) {
        boolean failed() {
            return errorType != null;
        }
    }

    private LambdaBoundary() {}

    static Outcome invoke(ResolverHandler handler, String eventJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, null);
            return new Outcome(out.toString(StandardCharsets.UTF_8), null, null);
        } catch (RuntimeException e) {
            return new Outcome(null, e.getMessage(), e.getClass().getName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
