package dev.tollgate.localstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.stack.ApiDefinitionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up errors are one line naming the problem. */
class ApiGatewayStartTest {

    private final FakeLambdas lambdas = new FakeLambdas();

    @Test
    void startsOnAnEphemeralPortAndServesTheStage() {
        try (ApiGateway gateway = ApiGateway.start(
                0,
                GatewayTestSupport.OPENAPI,
                GatewayTestSupport.placeholders("http://127.0.0.1:1/graphql"),
                lambdas)) {
            assertThat(gateway.port()).isPositive();
            assertThat(gateway.stageUrl()).isEqualTo("http://localhost:" + gateway.port() + "/dev");
        }
    }

    @Test
    void aPortInUseIsNamed() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> ApiGateway.start(
                            taken.getLocalPort(),
                            GatewayTestSupport.OPENAPI,
                            GatewayTestSupport.placeholders("http://127.0.0.1:1/graphql"),
                            lambdas))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessage("gateway: port " + taken.getLocalPort() + " on 127.0.0.1 is in use");
        }
    }

    @Test
    void aMissingPlaceholderStopsTheStart() {
        Map<String, String> values = new HashMap<>(GatewayTestSupport.placeholders("http://127.0.0.1:1/graphql"));
        values.remove("WebsiteOrigin");
        assertThatThrownBy(() -> ApiGateway.start(0, GatewayTestSupport.OPENAPI, values, lambdas))
                .isInstanceOf(ApiDefinitionException.class)
                .hasMessageContaining("${WebsiteOrigin}");
    }

    @Test
    void aBrokenDefinitionStopsTheStart(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("openapi.yaml");
        Files.writeString(
                file,
                "openapi: \"3.0.1\"\npaths:\n  /x:\n    get:\n      x-amazon-apigateway-integration:\n"
                        + "        type: http_proxy\n");
        assertThatThrownBy(() -> ApiGateway.start(0, file, Map.of(), lambdas))
                .isInstanceOf(ApiDefinitionException.class)
                .hasMessage(file
                        + ": paths./x.get.x-amazon-apigateway-integration: unsupported integration type 'http_proxy'");
    }
}
