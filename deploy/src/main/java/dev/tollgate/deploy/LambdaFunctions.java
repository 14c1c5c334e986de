package dev.tollgate.deploy;

import dev.tollgate.stack.StackFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Environment;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.InvalidParameterValueException;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The deployer's adapter for {@link StackFunctions.Function}: creates or updates each function from its
 * shaded jar and grants API Gateway its invokes.
 */
final class LambdaFunctions {

    /** Lambda's limit for a zip uploaded in the request itself. */
    static final long DIRECT_UPLOAD_LIMIT = 50L * 1024 * 1024;

    private final LambdaClient lambda;
    private final Duration roleRetryPause;

    LambdaFunctions(LambdaClient lambda, Duration roleRetryPause) {
        this.lambda = lambda;
        this.roleRetryPause = roleRetryPause;
    }

    Progress.Done<String> ensure(
            String name, StackFunctions.Function function, Path repoRoot, String runtime, String roleArn) {
        SdkBytes code = readJar(repoRoot.resolve(function.jar()));
        software.amazon.awssdk.services.lambda.model.Environment env =
                Environment.builder().variables(function.environment()).build();
        FunctionConfiguration existing = find(name);
        if (existing == null) {
            String arn = createWithRoleRetry(name, function, runtime, roleArn, code, env);
            lambda.waiter().waitUntilFunctionActiveV2(r -> r.functionName(name));
            return new Progress.Done<>(Progress.Outcome.CREATED, arn);
        }
        lambda.updateFunctionCode(r -> r.functionName(name).zipFile(code));
        lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
        lambda.updateFunctionConfiguration(r -> r.functionName(name)
                .runtime(runtime)
                .handler(function.handler())
                .role(roleArn)
                .memorySize(function.memoryMb())
                .timeout((int) function.timeout().toSeconds())
                .environment(env));
        lambda.waiter().waitUntilFunctionUpdatedV2(r -> r.functionName(name));
        return new Progress.Done<>(Progress.Outcome.UPDATED, existing.functionArn());
    }

    /** Replaces the statement so a re-run converges on the current source ARN. */
    Progress.Done<Void> allowApiGateway(String functionName, String statementId, String sourceArn) {
        boolean existed = true;
        try {
            lambda.removePermission(r -> r.functionName(functionName).statementId(statementId));
        } catch (ResourceNotFoundException missing) {
            existed = false;
        }
        lambda.addPermission(r -> r.functionName(functionName)
                .statementId(statementId)
                .action("lambda:InvokeFunction")
                .principal("apigateway.amazonaws.com")
                .sourceArn(sourceArn));
        return Progress.Done.of(existed ? Progress.Outcome.UPDATED : Progress.Outcome.CREATED);
    }

    Progress.Done<Void> remove(String name) {
        try {
            lambda.deleteFunction(r -> r.functionName(name));
            return Progress.Done.of(Progress.Outcome.REMOVED);
        } catch (ResourceNotFoundException missing) {
            return Progress.Done.of(Progress.Outcome.ABSENT);
        }
    }

    private FunctionConfiguration find(String name) {
        try {
            return lambda.getFunction(r -> r.functionName(name)).configuration();
        } catch (ResourceNotFoundException missing) {
            return null;
        }
    }

    /** A role made seconds ago may not be assumable yet (IAM is eventually consistent): retry a while. */
    private String createWithRoleRetry(
            String name,
            StackFunctions.Function function,
            String runtime,
            String roleArn,
            SdkBytes code,
            Environment env) {
        for (int attempt = 1; ; attempt++) {
            try {
                return lambda.createFunction(r -> r.functionName(name)
                                .runtime(runtime)
                                .handler(function.handler())
                                .role(roleArn)
                                .memorySize(function.memoryMb())
                                .timeout((int) function.timeout().toSeconds())
                                .environment(env)
                                .code(c -> c.zipFile(code))
                                .description("Tollgate " + function.logicalName()))
                        .functionArn();
            } catch (InvalidParameterValueException e) {
                boolean roleNotReady = e.getMessage() != null && e.getMessage().contains("cannot be assumed");
                if (!roleNotReady || attempt == 10) {
                    throw e;
                }
                sleep(roleRetryPause);
            }
        }
    }

    private static SdkBytes readJar(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new DeployException(
                    "missing function jar " + jar + ": build it first (./mvnw -B package -DskipTests)");
        }
        try {
            long size = Files.size(jar);
            if (size > DIRECT_UPLOAD_LIMIT) {
                throw new DeployException(jar + " is " + size + " bytes, over Lambda's 50 MB direct-upload limit");
            }
            return SdkBytes.fromByteArray(Files.readAllBytes(jar));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while waiting for IAM");
        }
    }
}
