package dev.tollgate.localstack.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The runtime interface client's JNI library, unpacked once and shared. Left to itself, every client JVM
 * unpacks it to the one fixed path {@code /tmp/.libaws-lambda-jni.so}, so two instances starting together
 * overwrite the file under each other and crash (SIGBUS); the client accepts a ready library through a
 * system property instead. The copy is named by its content's hash and only ever appears by an atomic
 * rename, so concurrent services (and runs killed without clean-up) share one immutable file.
 */
final class NativeRuntimeLibrary {

    static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    private NativeRuntimeLibrary() {}

    /** The library matching this machine, unpacked into {@code folder} unless already there. */
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
            byte[] library;
            try (InputStream in = jar.getInputStream(entry)) {
                library = in.readAllBytes();
            }
            Path target =
                    folder.resolve("tollgate-aws-lambda-jni-" + sha256(library).substring(0, 16) + ".so");
            if (Files.isRegularFile(target) && Files.size(target) == library.length) {
                return target;
            }
            Path partial = Files.createTempFile(folder, "tollgate-aws-lambda-jni-", ".partial");
            try {
                Files.write(partial, library);
                try {
                    // readable by every user: another account's service may load this shared copy
                    Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException notPosix) {
                    // the default permissions then apply
                }
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack the runtime client's native library from " + ricJar, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static String libraryName() {
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default ->
                throw new IllegalStateException("the runtime interface client has no native library for " + arch);
        };
        boolean musl = Files.exists(Path.of("/lib/ld-musl-" + (cpu.equals("x86_64") ? "x86_64" : "aarch64") + ".so.1"));
        return "libaws-lambda-jni." + (musl ? "linux_musl-" : "linux-") + cpu + ".so";
    }
}
