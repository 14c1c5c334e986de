package dev.tollgate.localstack.lambda;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * How the Lambda service runs functions; built once at start-up.
 *
 * @param runtimeClasspath  AWS's runtime interface client and its dependencies, put after each function's
 *                          code on the child classpath (Lambda provides them; function jars do not bundle them)
 * @param javaExecutable    the {@code java} launcher of the child JVMs
 * @param region            the region in ARNs and {@code AWS_REGION}
 * @param accountId         the account in ARNs
 * @param accessKeyId       the "execution role" credentials handed to every function (dummy values locally)
 * @param secretAccessKey   see {@code accessKeyId}
 * @param initTimeout       how long a new instance may take to reach its first {@code next} (Lambda: 10 s)
 * @param maxInstancesPerFunction how many instances of one function may run at once; further concurrent
 *                          invocations wait for a free one
 */
public record LambdaServiceOptions(
        List<Path> runtimeClasspath,
        Path javaExecutable,
        String region,
        String accountId,
        String accessKeyId,
        String secretAccessKey,
        Duration initTimeout,
        int maxInstancesPerFunction) {

    /** The runtime interface client's entry point, as in Lambda's own java runtimes. */
    public static final String RIC_MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

    public LambdaServiceOptions {
        Objects.requireNonNull(runtimeClasspath, "runtimeClasspath");
        Objects.requireNonNull(javaExecutable, "javaExecutable");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(initTimeout, "initTimeout");
        if (runtimeClasspath.isEmpty()) {
            throw new IllegalArgumentException("the runtime classpath is empty");
        }
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("invalid region: " + region);
        }
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("invalid account id: " + accountId);
        }
        if (initTimeout.isNegative() || initTimeout.isZero()) {
            throw new IllegalArgumentException("initTimeout must be positive");
        }
        if (maxInstancesPerFunction < 1) {
            throw new IllegalArgumentException("maxInstancesPerFunction must be at least 1");
        }
        // absolute: the child JVMs run in their own working directory
        runtimeClasspath = runtimeClasspath.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .toList();
    }

    /**
     * Local defaults: the current JVM's launcher, {@code us-east-1}, account {@code 000000000000}, dummy
     * credentials, a 30 s init timeout (a shared build machine starts JVMs slower than Lambda) and 4
     * instances per function.
     */
    public static LambdaServiceOptions defaults(List<Path> runtimeClasspath) {
        return new LambdaServiceOptions(
                runtimeClasspath,
                currentJava(),
                "us-east-1",
                "000000000000",
                "test",
                "test",
                Duration.ofSeconds(30),
                4);
    }

    /**
     * The runtime classpath listed in a file (as the localstack build writes it to
     * {@code localstack/local-cloud/target/lambda-runtime.classpath}); fails naming the file or the missing jar.
     */
    public static List<Path> runtimeClasspathFrom(Path classpathFile) {
        String text;
        try {
            text = Files.readString(classpathFile).trim();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Lambda runtime classpath not found: " + classpathFile + " (build the localstack module first)");
        }
        List<Path> jars = Stream.of(text.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .toList();
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(
                        "Lambda runtime jar listed in " + classpathFile + " is missing: " + jar);
            }
        }
        boolean hasRic = jars.stream()
                .anyMatch(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"));
        if (!hasRic) {
            throw new IllegalStateException(
                    "aws-lambda-java-runtime-interface-client is not listed in " + classpathFile);
        }
        return jars;
    }

    public LambdaServiceOptions withInitTimeout(Duration timeout) {
        return new LambdaServiceOptions(
                runtimeClasspath,
                javaExecutable,
                region,
                accountId,
                accessKeyId,
                secretAccessKey,
                timeout,
                maxInstancesPerFunction);
    }

    public LambdaServiceOptions withMaxInstancesPerFunction(int max) {
        return new LambdaServiceOptions(
                runtimeClasspath, javaExecutable, region, accountId, accessKeyId, secretAccessKey, initTimeout, max);
    }

    public LambdaServiceOptions withCredentials(String keyId, String secret) {
        return new LambdaServiceOptions(
                runtimeClasspath,
                javaExecutable,
                region,
                accountId,
                keyId,
                secret,
                initTimeout,
                maxInstancesPerFunction);
    }

    /** {@code arn:aws:lambda:<region>:<account>:function:<name>}. */
    public String functionArn(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    private static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }
}
