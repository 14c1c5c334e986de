package dev.tollgate.localstack.authapi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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
 * alone in its own class loader (nothing from the test classpath leaks in), the event JSON handed to
 * the stream handler as bytes and its answer read back as text (what the runtime interface client does
 * for a {@code RequestStreamHandler}), and a {@code Context} per invocation.
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
    private final Class<?> contextType;

    private IsolatedLambda(JarLoader loader, Object handler, Method handleRequest, Class<?> contextType) {
        this.loader = loader;
        this.handler = handler;
        this.handleRequest = handleRequest;
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

    /** Loads the stream handler {@code handlerClass} from the jar and runs its constructor (Lambda's init phase). */
    static IsolatedLambda load(Path jar, String handlerClass, Map<String, String> environment) throws Exception {
        JarLoader loader = new JarLoader(toUrl(jar));
        try {
            Class<?> type = Class.forName(handlerClass, true, loader);
            Class<?> context = Class.forName("com.amazonaws.services.lambda.runtime.Context", false, loader);
            Object handler;
            try {
                handler = type.getConstructor(Map.class).newInstance(Map.copyOf(environment));
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
            Method method = type.getMethod("handleRequest", InputStream.class, OutputStream.class, context);
            return new IsolatedLambda(loader, handler, method, context);
        } catch (Exception | Error e) {
            loader.close();
            throw e;
        }
    }

    /** One invocation: event JSON in, result JSON out. Exceptions from the handler propagate. */
    @Override
    public String invoke(String eventJson) throws Exception {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try {
            handleRequest.invoke(
                    handler, new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), json, context());
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
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
    public void close() throws IOException {
        loader.close();
    }
}
