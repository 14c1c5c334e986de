package dev.tollgate.testkit;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A function jar running in a fresh JVM the way Lambda runs it: AWS's runtime interface client as
 * the main class (from the test classpath, since function jars do not bundle it), the handler
 * string as its argument, and nothing but the given environment variables.
 */
public final class LambdaProcess implements AutoCloseable {

    private final Process process;
    private final Path taskRoot;
    private final Path output;

    private LambdaProcess(Process process, Path taskRoot, Path output) {
        this.process = process;
        this.taskRoot = taskRoot;
        this.output = output;
    }

    public static LambdaProcess start(Path functionJar, String handler, Map<String, String> env, List<String> jvmFlags)
            throws IOException {
        if (!Files.exists(functionJar)) {
            throw new IllegalStateException(functionJar + " does not exist: run the package phase first");
        }
        Path taskRoot = Files.createTempDirectory("lambda-task");
        Path output = Files.createTempFile("lambda-output", ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.add("-D" + NATIVE_LIBRARY_PROPERTY + "=" + nativeLibrary());
        command.add("-cp");
        // Absolute: the function runs in its own working directory (the task root).
        command.add(functionJar.toAbsolutePath() + File.pathSeparator + runtimeClientClasspath());
        command.add(AWSLambda.class.getName());
        command.add(handler);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(taskRoot.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return new LambdaProcess(builder.start(), taskRoot, output);
    }

    private static final String NATIVE_LIBRARY_PROPERTY =
            "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static Path nativeLibrary;

    /**
     * The runtime client's JNI library, unpacked once for this test JVM. Left to itself every client
     * JVM unpacks it to the one path {@code /tmp/.libaws-lambda-jni.so}, so JVMs starting together
     * (ours, or another build's on the same machine) overwrite it under each other and crash with
     * SIGBUS; the client loads a ready copy named by this system property instead.
     */
    private static synchronized Path nativeLibrary() throws IOException {
        if (nativeLibrary == null) {
            String arch = System.getProperty("os.arch");
            String name = arch.equals("aarch64")
                    ? "libaws-lambda-jni.linux-aarch_64.so"
                    : "libaws-lambda-jni.linux-x86_64.so";
            Path copy = Files.createTempFile("libaws-lambda-jni", ".so");
            copy.toFile().deleteOnExit();
            try (var in = AWSLambda.class.getResourceAsStream("/jni/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("the runtime interface client has no /jni/" + name);
                }
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            nativeLibrary = copy;
        }
        return nativeLibrary;
    }

    /** The runtime interface client and the libraries it needs, as Lambda provides them. */
    private static String runtimeClientClasspath() {
        List<String> entries = new ArrayList<>();
        for (String className : List.of(
                AWSLambda.class.getName(),
                "com.amazonaws.services.lambda.runtime.serialization.PojoSerializer",
                "com.amazonaws.services.lambda.runtime.RequestStreamHandler",
                "software.amazon.awssdk.utilslite.SdkInternalThreadLocal")) {
            try {
                Class<?> c = Class.forName(className);
                entries.add(Path.of(c.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString());
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException("runtime interface client not on the test classpath", e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Everything the function printed (its log lines), for assertions and diagnostics. */
    public String output() throws IOException {
        return Files.readString(output);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; {@code false} if it is still running after {@code timeout}. */
    public boolean waitForExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(output);
        // A crashed JVM leaves hs_err_pid*.log in its working directory: delete the whole tree.
        try (Stream<Path> files = Files.walk(taskRoot)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
