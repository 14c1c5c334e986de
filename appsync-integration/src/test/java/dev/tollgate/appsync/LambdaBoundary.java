package dev.tollgate.appsync;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Crosses the JSON boundary as Lambda's Java runtime does: the event text is deserialized by Lambda's
 * own serializer (aws-lambda-java-serialization) into the handler's declared input type, the result is
 * serialized back by it, and a thrown exception becomes {@code errorMessage} / {@code errorType}
 * (the class name, as the runtime interface client reports it).
 */
final class LambdaBoundary {

    record Outcome(String payloadJson, String errorMessage, String errorType) {
        boolean failed() {
            return errorType != null;
        }
    }

    private static final Type INPUT = new ParameterizedType() {
        @Override
        public Type[] getActualTypeArguments() {
            return new Type[] {String.class, Object.class};
        }

        @Override
        public Type getRawType() {
            return Map.class;
        }

        @Override
        public Type getOwnerType() {
            return null;
        }
    };

    private LambdaBoundary() {}

    @SuppressWarnings("unchecked")
    static Outcome invoke(RequestHandler<Map<String, Object>, Object> handler, String eventJson) {
        PojoSerializer<Object> in = JacksonFactory.getInstance().getSerializer(INPUT);
        Map<String, Object> event = (Map<String, Object>) in.fromJson(eventJson);
        try {
            Object result = handler.handleRequest(event, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            JacksonFactory.getInstance().getSerializer(Object.class).toJson(result, out);
            return new Outcome(out.toString(StandardCharsets.UTF_8), null, null);
        } catch (RuntimeException e) {
            return new Outcome(null, e.getMessage(), e.getClass().getName());
        }
    }
}
