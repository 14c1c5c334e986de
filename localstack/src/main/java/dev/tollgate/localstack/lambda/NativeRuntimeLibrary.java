package dev.tollgate.localstack.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The runtime interface client's JNI library, unpacked once per Lambda service. Left to itself, every
 * client JVM unpacks it to the one fixed path {@code /tmp/.libaws-lambda-jni.so}, so two instances starting
 * together overwrite the file under each other and crash (SIGBUS); the client accepts a ready library
 * through a system property instead.
 */
final class NativeRuntimeLibrary {

    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private NativeRuntimeLibrary() {}

    /** Unpacks the library matching this machine into {@code folder}. */
    static Path unpack(List<Path> runtimeClasspath, Path folder) {
        Path ricJar = runtimeClasspath.stream()
                .filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "aws-lambda-java-runtime-interface-client is not on the Lambda runtime classpath"));
        String entryName = "jni/" + libraryName();
        try (JarFile jar = new JarFile(ricJar.toFile())) {
            ZipEntry entry = jar.getEntry(entryName);
            if (entry == null) {
                throw new IllegalStateException(ricJar.getFileName() + " has no " + entryName
                        + ": this platform is not supported by the runtime interface client");
            }
            Path target = folder.resolve("libaws-lambda-jni.so");
            try (InputStream in = jar.getInputStream(entry)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime client's native library from " + ricJar, e);
        }
    }

    private static String libraryName() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> throw new IllegalStateException("the runtime interface client has no native library for " + arch);
        };
        boolean musl = Files.exists(Path.of("/lib/ld-musl-" + (cpu.equals("x86_64") ? "x86_64" : "aarch64") + ".so.1"));
        return "libaws-lambda-jni." + (musl ? "linux_musl-" : "linux-") + cpu + ".so";
    }
}
