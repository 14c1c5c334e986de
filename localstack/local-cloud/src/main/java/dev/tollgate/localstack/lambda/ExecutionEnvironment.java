package dev.tollgate.localstack.lambda;

import dev.tollgate.localstack.LocalCloudLog;
import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import dev.tollgate.localstack.http.LoopbackServer;
import dev.tollgate.localstack.http.PathHandler;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One instance of a function, as Lambda runs it: a JVM of its own running AWS's runtime interface client
 * against a Runtime API endpoint of its own, with nothing in its environment but the function's variables
 * and the ones Lambda sets. Runs one invocation at a time; after a crash or a timeout it is dead and the
 * pool starts a fresh one.
 */
final class ExecutionEnvironment implements RuntimeApi.Backend, AutoCloseable {

    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");

    private final FunctionDefinition function;
    private final LambdaServiceOptions options;
    private final List<String> serviceJvmOptions;
    private final int ordinal;
    private final String label;
    private final LoopbackServer server;
    private final BlockingQueue<PendingInvocation> work = new LinkedBlockingQueue<>();
    private final Path taskRoot;
    private final boolean ownsTaskRoot;
    private final long launchedNanos;
    private final Process process;

    private volatile PendingInvocation inFlight;
    private volatile RuntimeApi.ReportedError initError;
    private volatile boolean initialised;
    /** Completed when the runtime first asks for work: the function's init is done. */
    private final CompletableFuture<Void> ready = new CompletableFuture<>();

    private final AtomicBoolean closed = new AtomicBoolean();

    private ExecutionEnvironment(
            FunctionDefinition function, LambdaServiceOptions options, List<String> serviceJvmOptions, int ordinal)
            throws IOException {
        this.function = function;
        this.options = options;
        this.serviceJvmOptions = serviceJvmOptions;
        this.ordinal = ordinal;
        this.label = function.name() + "#" + ordinal;
        // the runtime holds one long poll on next and posts the answer beside it: four threads are plenty
        this.server = LoopbackServer.start("lambda-api-" + label, 0, 4, PathHandler.closing(new RuntimeApi(this)));
        boolean started = false;
        try {
            if (Files.isDirectory(function.code())) {
                taskRoot = function.code();
                ownsTaskRoot = false;
            } else {
                taskRoot = prepareTaskRoot(function);
                ownsTaskRoot = true;
            }
            launchedNanos = System.nanoTime();
            process = launch();
            started = true;
        } finally {
            if (!started) {
                server.close();
            }
        }
        Thread pump = new Thread(this::forwardOutput, "lambda-out-" + label);
        pump.setDaemon(true);
        pump.start();
        process.onExit().thenAccept(this::exited);
    }

    /** Starts the JVM; it calls {@code next} once the handler is loaded. */
    static ExecutionEnvironment start(
            FunctionDefinition function, LambdaServiceOptions options, List<String> serviceJvmOptions, int ordinal) {
        if (!Files.exists(function.code())) {
            throw new IllegalStateException("code of function " + function.name() + " not found: " + function.code());
        }
        try {
            return new ExecutionEnvironment(function, options, serviceJvmOptions, ordinal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an instance of " + function.name() + ": " + e.getMessage(), e);
        }
    }

    boolean alive() {
        return !closed.get() && process.isAlive();
    }

    /**
     * Runs one invocation to its end: the function's answer, its error, or {@link Invocation.Failed} when
     * the runtime never asked for work, crashed or overran the timeout (the instance is then stopped).
     */
    Invocation invoke(String invokedArn, byte[] event) {
        PendingInvocation invocation = new PendingInvocation(UUID.randomUUID().toString(), invokedArn, event);
        inFlight = invocation;
        work.add(invocation);
        if (!process.isAlive()) {
            exited(process);
        }
        try {
            long deadline = invocation.dispatched.get(options.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (deadline > 0) {
                long remaining = Math.max(0, deadline - System.currentTimeMillis());
                return invocation.outcome.get(remaining, TimeUnit.MILLISECONDS);
            }
            return invocation.outcome.get();
        } catch (TimeoutException e) {
            boolean neverStarted = !invocation.dispatched.isDone() || invocation.dispatched.getNow(-1L) < 0;
            Invocation failed = new Invocation.Failed(
                    neverStarted
                            ? "instance " + label + " did not become ready within "
                                    + options.initTimeout().toSeconds() + " s"
                            : String.format(
                                    "Task timed out after %.2f seconds",
                                    function.timeout().toMillis() / 1000.0));
            invocation.settle(failed);
            close();
            return invocation.outcome.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            invocation.settle(new Invocation.Failed("invocation interrupted"));
            close();
            return invocation.outcome.join();
        } catch (ExecutionException e) {
            throw new IllegalStateException("invocation future failed", e);
        } finally {
            work.remove(invocation);
            inFlight = null;
        }
    }

    @Override
    public PendingInvocation awaitNext() throws InterruptedException {
        if (!initialised) {
            initialised = true;
            long initMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launchedNanos);
            LocalCloudLog.event(
                    "lambda",
                    "cold-start",
                    Map.of("function", function.name(), "instance", ordinal, "initDurationMs", initMs));
            ready.complete(null);
        }
        while (true) {
            PendingInvocation invocation = work.take();
            long deadline = System.currentTimeMillis() + function.timeout().toMillis();
            if (invocation.dispatched.complete(deadline)) {
                return invocation;
            }
        }
    }

    @Override
    public boolean succeeded(String requestId, byte[] payload) {
        PendingInvocation invocation = inFlight;
        if (invocation == null || !invocation.requestId.equals(requestId)) {
            return false;
        }
        invocation.settle(new Invocation.Success(new String(payload, StandardCharsets.UTF_8)));
        return true;
    }

    @Override
    public boolean failed(String requestId, RuntimeApi.ReportedError error) {
        PendingInvocation invocation = inFlight;
        if (invocation == null || !invocation.requestId.equals(requestId)) {
            return false;
        }
        invocation.settle(new Invocation.FunctionError(error.errorMessage(), error.errorType()));
        return true;
    }

    @Override
    public void initFailed(RuntimeApi.ReportedError error) {
        initError = error;
        LocalCloudLog.event(
                "lambda",
                "init-error",
                Map.of("function", function.name(), "instance", ordinal, "errorType", error.errorType()));
    }

    /**
     * Waits until the function's init is done (as provisioned concurrency does before any invocation).
     *
     * @return {@code false} when the instance died or did not get there within the init timeout
     */
    boolean awaitReady() {
        try {
            ready.get(options.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return alive();
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The process is gone: whatever was in flight ends as Lambda reports an init error or a crash. */
    private void exited(Process gone) {
        ready.completeExceptionally(new IllegalStateException("instance exited"));
        PendingInvocation invocation = inFlight;
        if (invocation == null) {
            return;
        }
        RuntimeApi.ReportedError init = initError;
        Invocation result = init != null
                ? new Invocation.FunctionError(init.errorMessage(), init.errorType())
                : new Invocation.Failed("Runtime exited with error: exit status " + gone.exitValue() + " (function "
                        + function.name() + ")");
        if (invocation.settle(result)) {
            LocalCloudLog.event(
                    "lambda",
                    "instance-exited",
                    Map.of("function", function.name(), "instance", ordinal, "exitStatus", gone.exitValue()));
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        if (ownsTaskRoot) {
            deleteQuietly(taskRoot);
        }
    }

    private Process launch() throws IOException {
        List<String> command = new ArrayList<>();
        command.add(options.javaExecutable().toString());
        command.addAll(jvmOptions(function.memoryMb()));
        command.addAll(serviceJvmOptions);
        command.add("-cp");
        command.add(options.runtimeClasspath().stream()
                .map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator)));
        command.add(LambdaServiceOptions.RIC_MAIN_CLASS);
        command.add(function.handler());
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(taskRoot.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(environmentFor(server.port()));
        return builder.start();
    }

    /**
     * Modelled on the flags of Lambda's java runtimes: most of the memory setting as heap, serial GC,
     * class-data sharing, and C1 only, which is what makes a short-lived function JVM start fast.
     */
    static List<String> jvmOptions(int memoryMb) {
        return List.of(
                "-XX:MaxHeapSize=" + (memoryMb * 85 / 100) + "m",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1",
                "-Djava.net.preferIPv4Stack=true");
    }

    /** The function's variables plus Lambda's own; deliberately nothing inherited from this JVM. */
    Map<String, String> environmentFor(int runtimeApiPort) {
        Map<String, String> env = new TreeMap<>(function.environment());
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        // Lambda uses en_US.UTF-8; C.UTF-8 exists on every glibc, so the JVM's default charset stays UTF-8.
        env.put("LANG", "C.UTF-8");
        env.put("TZ", ":UTC");
        env.put("_HANDLER", function.handler());
        env.put("AWS_REGION", options.region());
        env.put("AWS_DEFAULT_REGION", options.region());
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java17");
        env.put("AWS_LAMBDA_FUNCTION_NAME", function.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(function.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + function.name());
        env.put(
                "AWS_LAMBDA_LOG_STREAM_NAME",
                LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[$LATEST]"
                        + UUID.randomUUID().toString().replace("-", ""));
        env.put("AWS_ACCESS_KEY_ID", options.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", options.secretAccessKey());
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApiPort);
        env.put("LAMBDA_TASK_ROOT", taskRoot.toString());
        env.put(
                "LAMBDA_RUNTIME_DIR",
                options.runtimeClasspath().get(0).toAbsolutePath().getParent().toString());
        return env;
    }

    /**
     * Lambda unpacks a jar deployment into {@code /var/task}, whose {@code lib/} jars the runtime's
     * customer class loader reads; a task root whose {@code lib/} holds the jar gives the same class loading.
     */
    private static Path prepareTaskRoot(FunctionDefinition function) throws IOException {
        Path root = Files.createTempDirectory("tollgate-lambda-" + function.name() + "-");
        Path lib = Files.createDirectory(root.resolve("lib"));
        Path target = lib.resolve(function.name() + ".jar");
        try {
            Files.createSymbolicLink(target, function.code().toAbsolutePath());
        } catch (IOException | UnsupportedOperationException noLinks) {
            Files.copy(function.code(), target);
        }
        return root;
    }

    private void forwardOutput() {
        String prefix = "[" + label + "] ";
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                LocalCloudLog.raw(prefix + line);
            }
        } catch (IOException streamClosed) {
            // the process is gone; nothing more to forward
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a temp folder left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
