package dev.tollgate.localstack.lambda;

import dev.tollgate.stack.StackFunctions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One Lambda function as Lambda's CreateFunction knows it: its name, its deployable code, the handler
 * string the Java runtime resolves, its own environment variables, its timeout and memory size.
 *
 * @param name        function name, as in {@code arn:aws:lambda:<region>:<account>:function:<name>}
 * @param code        the shaded jar deployed to Lambda (tests may give a classes directory)
 * @param handler     {@code package.Class::method}, passed to the runtime interface client unchanged
 * @param environment the function's environment variables; nothing else of the caller's leaks in
 * @param timeout     how long one invocation may run (Lambda: 1 s to 900 s)
 * @param memoryMb    the memory setting (Lambda: 128 to 10240 MB); sizes the child JVM's heap
 */
public record FunctionDefinition(
        String name, Path code, String handler, Map<String, String> environment, Duration timeout, int memoryMb) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern HANDLER = Pattern.compile("[A-Za-z_$][\\w$.]*(::[A-Za-z_$][\\w$]*)?");

    /** Variables that Lambda sets itself and refuses in a function's configuration. */
    static final Set<String> RESERVED = Set.of(
            "_HANDLER",
            "_X_AMZN_TRACE_ID",
            "AWS_DEFAULT_REGION",
            "AWS_REGION",
            "AWS_EXECUTION_ENV",
            "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            "AWS_LAMBDA_FUNCTION_VERSION",
            "AWS_LAMBDA_INITIALIZATION_TYPE",
            "AWS_LAMBDA_LOG_GROUP_NAME",
            "AWS_LAMBDA_LOG_STREAM_NAME",
            "AWS_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_LAMBDA_RUNTIME_API",
            "LAMBDA_TASK_ROOT",
            "LAMBDA_RUNTIME_DIR");

    /** Local defaults for {@link #of}: Lambda's own (3 s, 128 MB) starve a JVM started on a busy machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    public static final int DEFAULT_MEMORY_MB = 512;

    public FunctionDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(timeout, "timeout");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid function name '" + name + "': 1-64 of [A-Za-z0-9_-]");
        }
        if (!HANDLER.matcher(handler).matches()) {
            throw new IllegalArgumentException("invalid handler for " + name + ": '" + handler + "'");
        }
        if (timeout.compareTo(Duration.ofSeconds(1)) < 0 || timeout.compareTo(Duration.ofSeconds(900)) > 0) {
            throw new IllegalArgumentException("timeout of " + name + " must be 1 s to 900 s, was " + timeout);
        }
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("memory of " + name + " must be 128 to 10240 MB, was " + memoryMb);
        }
        for (Map.Entry<String, String> entry : environment.entrySet()) {
            String key = entry.getKey();
            if (key == null || !ENV_KEY.matcher(key).matches()) {
                throw new IllegalArgumentException("invalid environment variable name for " + name + ": " + key);
            }
            if (RESERVED.contains(key)) {
                throw new IllegalArgumentException(
                        "environment variable " + key + " of " + name + " is reserved: Lambda sets it itself");
            }
            if (entry.getValue() == null) {
                throw new IllegalArgumentException("environment variable " + key + " of " + name + " has no value");
            }
        }
        environment = Map.copyOf(environment);
        code = code.toAbsolutePath().normalize();
    }

    /**
     * The local runtime's adapter for the stack's one definition of a function: the same handler, limits
     * and environment, deployed under {@code name} from the jar under the checkout {@code root}.
     */
    public static FunctionDefinition of(String name, Path root, StackFunctions.Function function) {
        return new FunctionDefinition(
                name,
                root.resolve(function.jar()),
                function.handler(),
                function.environment(),
                function.timeout(),
                function.memoryMb());
    }

    /** A definition with Lambda-like defaults for timeout and memory. */
    public static FunctionDefinition of(String name, Path code, String handler, Map<String, String> environment) {
        return new FunctionDefinition(name, code, handler, environment, DEFAULT_TIMEOUT, DEFAULT_MEMORY_MB);
    }

    public FunctionDefinition withTimeout(Duration newTimeout) {
        return new FunctionDefinition(name, code, handler, environment, newTimeout, memoryMb);
    }

    public FunctionDefinition withMemoryMb(int newMemoryMb) {
        return new FunctionDefinition(name, code, handler, environment, timeout, newMemoryMb);
    }
}
