package dev.tollgate.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Tollgate deployed into LocalStack by the CDK app through the pinned {@code cdklocal}, with a real SuperTokens core beside it: the
 * opt-in target {@code -De2e.target=localstack}. Where Docker or a LocalStack auth token is missing the
 * run is aborted with the reason, so JUnit reports it as skipped, never as passed.
 *
 * <p>Testcontainers starts LocalStack rather than {@code cloud.localstack:localstack-utils}: the
 * functions' containers must join one user-defined network with the core (LAMBDA_DOCKER_NETWORK), which
 * localstack-utils cannot create or attach to, and localstack-utils drags AWS SDK v1 and log4j along.
 */
final class LocalStackStack {

    static final String LOCALSTACK_IMAGE = "localstack/localstack:2026.03.0";
    /** The core version whose CDI answers are captured in session/src/test/resources/golden (docs/supertokens.md#golden-captures); in-memory database. */
    static final String CORE_IMAGE = "registry.supertokens.io/supertokens/supertokens-postgresql:11.4.7";

    /** The secret the stack's CoreSecretName parameter names; LocalStack's core has no API key. */
    static final String CORE_SECRET = "tollgate/supertokens-core";

    private LocalStackStack() {}

    static Stack start(E2eSettings settings) {
        Assumptions.assumeTrue(
                DockerClientFactory.instance().isDockerAvailable(),
                "Docker is not available on this machine: the LocalStack end-to-end run is skipped, not passed");
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        Assumptions.assumeTrue(
                token != null && !token.isBlank(),
                "LOCALSTACK_AUTH_TOKEN is not set: LocalStack images since 2026.03 refuse to start without one;"
                        + " the LocalStack end-to-end run is skipped, not passed");

        Network network = Network.newNetwork();
        String networkName = DockerClientFactory.instance()
                .client()
                .inspectNetworkCmd()
                .withNetworkId(network.getId())
                .exec()
                .getName();
        GenericContainer<?> core = new GenericContainer<>(DockerImageName.parse(CORE_IMAGE))
                .withNetwork(network)
                .withNetworkAliases("supertokens")
                .withEnv(
                        "ACCESS_TOKEN_VALIDITY",
                        Long.toString(settings.accessTokenValidity().toSeconds()))
                .withEnv("DISABLE_TELEMETRY", "true")
                .withExposedPorts(3567)
                .waitingFor(Wait.forHttp("/hello").forStatusCode(200));
        LocalStackContainer localstack = new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
                .withNetwork(network)
                .withEnv("LOCALSTACK_AUTH_TOKEN", token)
                .withEnv("LAMBDA_DOCKER_NETWORK", networkName)
                .withServices(
                        "cloudformation",
                        "ssm",
                        "secretsmanager",
                        "iam",
                        "sts",
                        "lambda",
                        "apigateway",
                        "appsync",
                        "dynamodb",
                        "s3",
                        "logs");
        try {
            core.start();
            localstack.start();
            var created = localstack.execInContainer(
                    "awslocal",
                    "secretsmanager",
                    "create-secret",
                    "--name",
                    CORE_SECRET,
                    "--secret-string",
                    "{\"connectionUri\":\"http://supertokens:3567\"}");
            if (created.getExitCode() != 0) {
                throw new IllegalStateException("cannot create the core secret in LocalStack: " + created.getStderr());
            }
            Path infra = settings.repoRoot().resolve("infra");
            Path outputs = Files.createTempFile("tollgate-cdk-outputs", ".json");
            String edge = "localhost.localstack.cloud:" + localstack.getMappedPort(4566);
            cdklocal(infra, localstack, List.of("bootstrap"));
            cdklocal(
                    infra,
                    localstack,
                    List.of(
                            "deploy",
                            "--require-approval",
                            "never",
                            "--outputs-file",
                            outputs.toString(),
                            "-c",
                            "tollgate:target=localstack",
                            "-c",
                            "tollgate:localStackEdge=" + edge,
                            "-c",
                            "tollgate:coreHasApiKey=false",
                            "--parameters",
                            "CoreSecretName=" + CORE_SECRET));
            JsonNode stack = new ObjectMapper().readTree(outputs.toFile()).path("tollgate");
            // the deployed auth API logs verification emails (EMAIL_SENDER=log): there is no mailbox to read
            return new Stack(
                    URI.create(stack.path("SiteUrl").asText()),
                    URI.create(stack.path("ApiUrl").asText()),
                    Optional.empty(),
                    () -> stop(network, core, localstack));
        } catch (IOException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stop(network, core, localstack);
            throw new IllegalStateException("cdklocal deploy failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            stop(network, core, localstack);
            throw e;
        }
    }

    /** Runs the CLI pinned in infra/package.json against the container; its output goes to the test log. */
    private static void cdklocal(Path infra, LocalStackContainer localstack, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(infra.resolve("node_modules/.bin/cdklocal").toString());
        command.addAll(args);
        ProcessBuilder pb =
                new ProcessBuilder(command).directory(infra.toFile()).inheritIO();
        Map<String, String> env = pb.environment();
        env.put("AWS_ENDPOINT_URL", localstack.getEndpoint().toString());
        env.put("AWS_REGION", localstack.getRegion());
        env.put("AWS_ACCESS_KEY_ID", localstack.getAccessKey());
        env.put("AWS_SECRET_ACCESS_KEY", localstack.getSecretKey());
        env.put("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("cdklocal " + args.get(0) + " did not finish in 15 minutes");
        }
        if (p.exitValue() != 0) {
            throw new IOException("cdklocal " + args.get(0) + " exited with " + p.exitValue());
        }
    }

    private static void stop(Network network, GenericContainer<?> core, LocalStackContainer localstack) {
        localstack.stop();
        core.stop();
        network.close();
    }
}
