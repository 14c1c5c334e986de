package dev.tollgate.localstack.gateway;

/**
 * How the gateway reaches a Lambda function. The local cloud plugs in its Lambda service (one JVM per
 * function behind a local Runtime API); gateway tests plug in plain Java. The gateway only ever sees
 * JSON text, exactly as it would cross Lambda's invoke boundary.
 */
@FunctionalInterface
public interface LambdaInvoker {

    /**
     * Invokes a function synchronously.
     *
     * @param functionArn the function ARN taken from the integration or authorizer URI
     * @param eventJson   the event, serialized as API Gateway would send it
     */
    Invocation invoke(String functionArn, String eventJson);

    /** What came back from one invocation. */
    sealed interface Invocation {
        /** The function returned; {@code payloadJson} is its serialized result. */
        record Success(String payloadJson) implements Invocation {}

        /** The function threw: Lambda reports {@code errorMessage} and {@code errorType}. */
        record FunctionError(String errorMessage, String errorType) implements Invocation {}

        /** The invocation itself failed: no such function, crash, timeout. */
        record Failed(String reason) implements Invocation {}
    }
}
