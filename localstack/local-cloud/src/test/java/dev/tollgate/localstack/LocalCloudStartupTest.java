package dev.tollgate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.stack.StackFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up failures are one line naming the problem, and leave nothing running. A checkout is faked in a
 * temp folder: functions start only when first called, so their jars need only exist here.
 */
class LocalCloudStartupTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path REPO = MODULE.getParent().getParent();

    @TempDir
    Path repo;

    @BeforeEach
    void fakeCheckout() throws IOException {
        LocalCloudLayout layout = new LocalCloudLayout(repo);
        for (Path jar : new Path[] {layout.authorizerJar(), layout.authApiJar(), layout.resolverJar()}) {
            Files.createDirectories(jar.getParent());
            Files.writeString(jar, "not run in these tests");
        }
        Files.createDirectories(layout.lambdaRuntime().getParent());
        Files.copy(MODULE.resolve("target/lambda-runtime.classpath"), layout.lambdaRuntime());
        for (Path file : StackFiles.DEFINITIONS) {
            Files.createDirectories(repo.resolve(file).getParent());
            Files.copy(REPO.resolve(file), repo.resolve(file));
        }
        Files.createDirectories(layout.site());
        Files.writeString(layout.site().resolve("index.html"), "<h1>demo</h1>");
    }

    @Test
    void startsAndStopsWithTheFakedCheckout() {
        try (LocalCloud cloud = LocalCloud.start(options().build())) {
            assertThat(cloud.api().toString()).matches("http://localhost:\\d+/dev");
            assertThat(cloud.readyJson()).startsWith("{\"event\":\"ready\",\"web\":\"http://localhost:");
        }
    }

    @Test
    void aTakenCorePortNamesBothWaysOut() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalCloud.start(
                            options().corePort(taken.getLocalPort()).build()))
                    .isInstanceOf(LocalCloudException.class)
                    .hasMessage(
                            "core stand-in: port " + taken.getLocalPort() + " on 127.0.0.1 is in use (use"
                                    + " --core-port 0 for a free port, or --core-uri to use the SuperTokens core already there)");
        }
    }

    @Test
    void aMissingJarIsNamed() throws IOException {
        Files.delete(repo.resolve(LocalCloudLayout.AUTH_API_JAR));

        assertThatThrownBy(() -> LocalCloud.start(options().build()))
                .isInstanceOf(LocalCloudException.class)
                .hasMessageContaining("missing in " + repo)
                .hasMessageContaining("auth-api/target/auth-api-lambda.jar")
                .message()
                .doesNotContain("\n");
    }

    @Test
    void aPortInUseIsNamedAndWhatStartedIsStoppedAgain() throws IOException {
        int webPort = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LocalCloud.start(options()
                            .webPort(webPort)
                            .apiPort(taken.getLocalPort())
                            .build()))
                    .isInstanceOf(LocalCloudException.class)
                    .hasMessage("gateway: port " + taken.getLocalPort()
                            + " on 127.0.0.1 is in use (use --api-port 0 for a free port, or another --api-port)");
        }
        try (ServerSocket again = new ServerSocket(webPort, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort())
                    .as("the web host started before the failure was stopped")
                    .isEqualTo(webPort);
        }
    }

    @Test
    void aBrokenOpenApiYamlIsNamed() throws IOException {
        Files.writeString(repo.resolve(LocalCloudLayout.OPENAPI), "openapi: [unclosed\n");

        assertThatThrownBy(() -> LocalCloud.start(options().build()))
                .isInstanceOf(LocalCloudException.class)
                .hasMessageStartingWith("gateway: ")
                .hasMessageContaining("openapi.yaml")
                .message()
                .doesNotContain("\n");
    }

    @Test
    void aBrokenTableDefinitionIsNamed() throws IOException {
        Files.writeString(repo.resolve(LocalCloudLayout.NOTES_TABLE), "{\"KeySchema\":[]}");

        assertThatThrownBy(() -> LocalCloud.start(options().build()))
                .isInstanceOf(LocalCloudException.class)
                .hasMessageContaining("notes-table.json: not a CreateTable request");
    }

    private LocalCloudOptions.Builder options() {
        return LocalCloudOptions.builder(repo).ephemeralPorts().prewarm(false);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
