package dev.tollgate.e2e;

import dev.tollgate.deploy.DeploySettings;
import dev.tollgate.deploy.Deployer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Tollgate deployed into LocalStack by the deployer, with a real SuperTokens core beside it: the
 * opt-in target {@code -De2e.target=localstack}. Where Docker or a LocalStack auth token is missing the
 * run is aborted with the reason, so JUnit reports it as skipped, never as passed.
 *
 * <p>Testcontainers starts LocalStack rather than {@code cloud.localstack:localstack-utils}: the
 * functions' containers must join one user-defined network with the core (LAMBDA_DOCKER_NETWORK), which
 * localstack-utils cannot create or attach to, and localstack-utils drags AWS SDK v1 and log4j along.
 */
final class LocalStackStack implements Stack {

    static final String LOCALSTACK_IMAGE = "localstack/localstack:2026.03.0";
    /** The core version whose CDI answers are captured in session/src/test/resources/golden (docs/supertokens.md#golden-captures); in-memory database. */
    static final String CORE_IMAGE = "registry.supertokens.io/supertokens/supertokens-postgresql:11.4.7";

    private final Network network;
    private final GenericContainer<?> core;
    private final LocalStackContainer localstack;
    private final Deployer.Outputs outputs;

    private LocalStackStack(
            Network network, GenericContainer<?> core, LocalStackContainer localstack, Deployer.Outputs outputs) {
        this.network = network;
        this.core = core;
        this.localstack = localstack;
        this.outputs = outputs;
    }

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
                .withServices("iam", "sts", "lambda", "apigateway", "appsync", "dynamodb", "s3", "logs");
        try {
            core.start();
            localstack.start();
            DeploySettings deploy = DeploySettings.parse(
                    List.of(
                            "deploy",
                            "--target",
                            "localstack",
                            "--endpoint",
                            localstack.getEndpoint().toString(),
                            "--region",
                            localstack.getRegion(),
                            "--supertokens-uri",
                            "http://supertokens:3567",
                            "--repo-root",
                            settings.repoRoot().toString()),
                    Map.of());
            return new LocalStackStack(network, core, localstack, Deployer.deploy(deploy, System.out));
        } catch (RuntimeException e) {
            localstack.stop();
            core.stop();
            network.close();
            throw e;
        }
    }

    @Override
    public URI web() {
        return URI.create(outputs.web());
    }

    @Override
    public URI api() {
        return URI.create(outputs.api());
    }

    /** The deployed auth API logs verification emails (EMAIL_SENDER=log): there is no mailbox to read. */
    @Override
    public Optional<URI> mailbox() {
        return Optional.empty();
    }

    @Override
    public void close() {
        localstack.stop();
        core.stop();
        network.close();
    }
}
