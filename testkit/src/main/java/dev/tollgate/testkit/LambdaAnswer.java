package dev.tollgate.testkit;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.DtoSerializers;
import com.amazonaws.services.lambda.runtime.api.client.runtimeapi.converters.LambdaErrorConverter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the Lambda service gets back from one in-process invocation: the payload bytes, or the error
 * document AWS's runtime interface client would post for the thrown exception (its own converter and
 * serializer), whose {@code errorMessage} API Gateway reads.
 *
 * @param error whether the function failed
 * @param body  the payload JSON, or the error document JSON
 */
public record LambdaAnswer(boolean error, String body) {

    public static LambdaAnswer invoke(RequestStreamHandler handler, String event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
            return new LambdaAnswer(false, out.toString(StandardCharsets.UTF_8));
        } catch (Throwable t) {
            return new LambdaAnswer(
                    true,
                    new String(
                            DtoSerializers.serialize(LambdaErrorConverter.fromThrowable(t)), StandardCharsets.UTF_8));
        }
    }
}
