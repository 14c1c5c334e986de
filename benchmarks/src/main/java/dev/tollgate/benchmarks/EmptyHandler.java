package dev.tollgate.benchmarks;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The cold-start baseline: a stream handler that reads its event and answers {@code {}}. What the
 * runtime interface client and the JVM cost before any authorizer code runs.
 */
public final class EmptyHandler implements RequestStreamHandler {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        input.readAllBytes();
        output.write(EMPTY_OBJECT);
    }
}
