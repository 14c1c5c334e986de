package dev.tollgate.localstack.authapi;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * Runs a function's deployable jar the way Lambda's Java runtime does, inside the test JVM: the jar
 * alone in its own class loader (nothing from the test classpath leaks in), events turned into the
 * handler's event objects and results back into JSON by Lambda's own serializer
 * ({@code aws-lambda-java-serialization}, which the runtime interface client uses for the
 * {@code aws-lambda-java-events} types), and a {@code Context} per invocation.
 *
 * <p>One difference from Lambda, on purpose: the environment is passed to the handler's
 * {@code (Map<String, String>)} constructor, because a JVM cannot change its own environment.
 */
final class IsolatedLambda implements FunctionInvoker, AutoCloseable {

    /** A class loader that can say whether it has loaded a class, to prove lazy loading. */
    private static final class JarLoader extends URLClassLoader {
        JarLoader(URL jar) {
            super(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
        }

        boolean hasLoaded(String className) {
            return findLoadedClass(className) != null;
        }
    }

    private final JarLoader loader;
    private final Object handler;
    private final Method handleRequest;
    private final PojoSerializer<Object> input;
    private final PojoSerializer<Object> output;
    private final Class<?> contextType;

    private IsolatedLambda(
            JarLoader loader,
            Object handler,
            Method handleRequest,
            PojoSerializer<Object> input,
            PojoSerializer<Object> output,
            Class<?> contextType) {
        this.loader = loader;
        this.handler = handler;
        this.handleRequest = handleRequest;
        this.input = input;
        this.output = output;
        this.contextType = contextType;
    }

    /** The auth API's shaded jar, as built by the reactor. */
    static Path authApiJar() {
        Path jar = Path.of(System.getProperty("tollgate.authApiJar", "../auth-api/target/auth-api-lambda.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("build the auth API first: " + jar.toAbsolutePath() + " is missing");
        }
        return jar;
    }

    /**
     * Loads {@code handlerClass} from the jar and runs its constructor (Lambda's init phase).
     *
     * @param eventClass  the handler's input type, e.g. {@code ...events.APIGatewayProxyRequestEvent}
     * @param resultClass the handler's output type
     */
    @SuppressWarnings("unchecked")
    static IsolatedLambda load(
            Path jar, String handlerClass, String eventClass, String resultClass, Map<String, String> environment)
            throws Exception {
        JarLoader loader = new JarLoader(toUrl(jar));
        try {
            Class<?> type = Class.forName(handlerClass, true, loader);
            Class<?> in = Class.forName(eventClass, false, loader);
            Class<?> out = Class.forName(resultClass, false, loader);
            Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
            Object handler;
            try {
                handler = type.getConstructor(Map.class).newInstance(Map.copyOf(environment));
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            Method method = type.getMethod("handleRequest", in, context);
            return new IsolatedLambda(
                    loader,
                    handler,
                    method,
                    (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(in, loader),
                    (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(out, loader),
                    context);
        } catch (Exception | Error e) {
            loader.close();
            throw e;
        }
    }

    /** One invocation: event JSON in, result JSON out. Exceptions from the handler propagate. */
    @Override
    public String invoke(String eventJson) throws Exception {
        Object event = input.fromJson(eventJson);
        Object result;
        try {
            result = handleRequest.invoke(handler, event, context());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        output.toJson(result, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    boolean hasLoaded(String className) {
        return loader.hasLoaded(className);
    }

    private Object context() {
        String requestId = UUID.randomUUID().toString();
        return Proxy.newProxyInstance(
                loader, new Class<?>[] {contextType}, (proxy, method, args) -> switch (method.getName()) {
                    case "getAwsRequestId" -> requestId;
                    case "getFunctionName" -> "tollgate-auth-api";
                    case "getFunctionVersion" -> "$LATEST";
                    case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:000000000000:function:tollgate-auth-api";
                    case "getRemainingTimeInMillis" -> 30_000;
                    case "getMemoryLimitInMB" -> 512;
                    case "getLogGroupName" -> "/aws/lambda/tollgate-auth-api";
                    case "getLogStreamName" -> "test";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "TestContext[" + requestId + "]";
                    default -> null;
                });
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void close() throws Exception {
        loader.close();
    }
}
