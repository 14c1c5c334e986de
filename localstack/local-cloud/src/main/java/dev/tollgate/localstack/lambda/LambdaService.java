package dev.tollgate.localstack.lambda;

import dev.tollgate.localstack.gateway.LambdaInvoker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lambda, locally: functions are deployed from their jars and invoked synchronously by ARN, each instance a
 * JVM of its own running AWS's runtime interface client against a local Runtime API (see
 * {@link ExecutionEnvironment}). Instances start on demand and stay warm; {@link #close()} stops them all.
 */
public final class LambdaService implements LambdaInvoker, AutoCloseable {

    /** Lambda's limit for a synchronous request payload. */
    public static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws:lambda:([a-z0-9-]+):(\\d{12}):function:([A-Za-z0-9_-]{1,64})(?::(\\$LATEST|[A-Za-z0-9_-]{1,128}))?");

    private final LambdaServiceOptions options;
    private final Path workFolder;
    private final List<String> extraJvmOptions;
    private final Map<String, FunctionPool> functions = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private LambdaService(LambdaServiceOptions options, Path workFolder) {
        this.options = options;
        this.workFolder = workFolder;
        Path nativeLibrary =
                NativeRuntimeLibrary.unpack(options.runtimeClasspath(), Path.of(System.getProperty("java.io.tmpdir")));
        this.extraJvmOptions = List.of(
                "-D" + NativeRuntimeLibrary.PROPERTY + "=" + nativeLibrary,
                // a JVM crash report belongs with the service's files, not in the function's code folder
                "-XX:ErrorFile=" + workFolder.resolve("hs_err_pid%p.log"));
    }

    /** Prepares the service; functions are added with {@link #deploy} and start on their first call. */
    public static LambdaService start(LambdaServiceOptions options) {
        Objects.requireNonNull(options, "options");
        Path workFolder;
        try {
            workFolder = Files.createTempDirectory("tollgate-lambda-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Lambda service's work folder", e);
        }
        try {
            return new LambdaService(options, workFolder);
        } catch (RuntimeException e) {
            deleteQuietly(workFolder);
            throw e;
        }
    }

    /**
     * Creates a function (Lambda's CreateFunction); its first invocation is a cold start.
     *
     * @return the function's ARN
     */
    public String deploy(FunctionDefinition function) {
        if (closed) {
            throw new IllegalStateException("the Lambda service is stopped");
        }
        if (!Files.exists(function.code())) {
            throw new IllegalArgumentException(
                    "code of function " + function.name() + " not found: " + function.code());
        }
        FunctionPool previous =
                functions.putIfAbsent(function.name(), new FunctionPool(function, options, extraJvmOptions));
        if (previous != null) {
            throw new IllegalArgumentException("function already exists: " + function.name());
        }
        return options.functionArn(function.name());
    }

    public String functionArn(String functionName) {
        return options.functionArn(functionName);
    }

    @Override
    public Invocation invoke(String functionArn, String eventJson) {
        if (functionArn == null || eventJson == null) {
            return new Invocation.Failed("function ARN and event are required");
        }
        Optional<String> name = functionName(functionArn);
        if (name.isEmpty()) {
            return new Invocation.Failed("ResourceNotFoundException: not a function ARN in " + options.region() + "/"
                    + options.accountId() + ": " + functionArn);
        }
        FunctionPool pool = functions.get(name.get());
        if (pool == null) {
            return new Invocation.Failed("ResourceNotFoundException: Function not found: " + functionArn);
        }
        byte[] event = eventJson.getBytes(StandardCharsets.UTF_8);
        if (event.length > MAX_EVENT_BYTES) {
            return new Invocation.Failed("RequestEntityTooLargeException: request payload of " + event.length
                    + " bytes exceeds " + MAX_EVENT_BYTES);
        }
        String invokedArn = functionArn.startsWith("arn:") ? functionArn : options.functionArn(name.get());
        return pool.invoke(invokedArn, event);
    }

    /** The name in a function ARN of this region and account (qualifier allowed), or a bare name. */
    Optional<String> functionName(String reference) {
        Matcher matcher = FUNCTION_ARN.matcher(reference);
        if (matcher.matches()) {
            boolean ours = matcher.group(1).equals(options.region())
                    && matcher.group(2).equals(options.accountId());
            return ours ? Optional.of(matcher.group(3)) : Optional.empty();
        }
        return reference.matches("[A-Za-z0-9_-]{1,64}") ? Optional.of(reference) : Optional.empty();
    }

    /**
     * Starts an instance of each named function and waits for their init (in parallel), so that the first
     * calls are warm: what provisioned concurrency does on AWS. Cold starts are logged all the same.
     *
     * @return the names of the functions that did not come up (init error, crash, init timeout)
     */
    public List<String> provision(List<String> functionNames) {
        return functionNames.parallelStream()
                .filter(name -> {
                    FunctionPool pool = functions.get(name);
                    return pool == null || !pool.provision();
                })
                .toList();
    }

    /** Live instances of a function (0 when it has none or does not exist). */
    public int liveInstances(String functionName) {
        FunctionPool pool = functions.get(functionName);
        return pool == null ? 0 : pool.liveInstances();
    }

    /** Stops every instance of every function and waits for their JVMs to exit. */
    @Override
    public void close() {
        closed = true;
        functions.values().parallelStream().forEach(FunctionPool::close);
        deleteQuietly(workFolder);
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException alreadyGone) {
            // nothing left to delete
        }
    }
}
