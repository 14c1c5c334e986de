package dev.tollgate.infra;

import dev.tollgate.stack.StackFunctions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * One of {@link StackFunctions}' functions as a Lambda function with a role of its own that may write
 * to its own log group and nothing else until the stack grants more, and, with SnapStart, a published
 * version behind the alias {@value #ALIAS} that callers invoke.
 */
final class StackFunction extends Construct {

    static final String ALIAS = "live";
    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;

    private final String functionName;
    private final Function function;
    private final Role role;
    private final Optional<Alias> alias;

    StackFunction(
            Construct scope,
            String id,
            String functionName,
            StackFunctions.Function definition,
            Path repoRoot,
            Architecture architecture,
            boolean snapStart) {
        super(scope, id);
        this.functionName = functionName;
        Path jar = repoRoot.resolve(architecture == Architecture.ARM_64 ? definition.arm64Jar() : definition.jar());
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(
                    jar + " does not exist: build the functions first (./mvnw -B -DskipTests package)");
        }
        role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs " + functionName)
                .build();
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + functionName)
                .retention(LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        logs.grantWrite(role);
        Function.Builder builder = Function.Builder.create(this, "Function")
                .functionName(functionName)
                .runtime(Runtime.JAVA_21)
                .architecture(architecture)
                .code(Code.fromAsset(jar.toString()))
                .handler(definition.handler())
                .timeout(Duration.millis(definition.timeout().toMillis()))
                .memorySize(definition.memoryMb())
                .environment(definition.environment())
                .role(role)
                .logGroup(logs);
        if (snapStart) {
            builder.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        function = builder.build();
        alias = snapStart
                ? Optional.of(Alias.Builder.create(this, "Alias")
                        .aliasName(ALIAS)
                        .version(function.getCurrentVersion())
                        .build())
                : Optional.empty();
    }

    String functionName() {
        return functionName;
    }

    Function function() {
        return function;
    }

    /** The alias when SnapStart is on (a snapshot is only taken of a published version), else empty. */
    Optional<Alias> alias() {
        return alias;
    }

    /** The name API Gateway invokes: {@code name:live} with SnapStart, the bare name otherwise. */
    String invokedName() {
        return alias.isPresent() ? functionName + ":" + ALIAS : functionName;
    }

    void allow(List<String> actions, List<String> resources) {
        role.addToPrincipalPolicy(PolicyStatement.Builder.create()
                .actions(actions)
                .resources(resources)
                .build());
    }

    void allow(PolicyStatement statement) {
        role.addToPrincipalPolicy(statement);
    }
}
