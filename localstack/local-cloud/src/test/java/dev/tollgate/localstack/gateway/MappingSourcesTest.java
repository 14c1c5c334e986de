package dev.tollgate.localstack.gateway;

import static dev.tollgate.localstack.gateway.FakeLambdas.AUTHORIZER;
import static dev.tollgate.localstack.gateway.FakeLambdas.AUTH_API;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Mapping sources the Tollgate definition does not use (docs/aws.md#parameter-mapping), the authorizer map of a
 * proxy event (docs/aws.md#aws-proxy), integration timeouts and passthrough "never".
 */
class MappingSourcesTest extends GatewayTestSupport {

    @Override
    Path definition() {
        return GatewayResponsesTest.MINIMAL;
    }

    @Test
    void requestMappingsReadPathHeaderMultiValueQueryAndContext() {
        HttpResponse<String> response =
                send("GET", "/http/item-1?q=first&q=last", null, "X-Trace", "t-9", "X-Multi", "a", "X-Multi", "b");

        assertThat(response.statusCode()).isEqualTo(200);
        RecordingBackend.Received received = appsync.received.get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/graphql?q=last");
        assertThat(received.header("x-item")).containsExactly("item-1");
        assertThat(received.header("x-trace")).containsExactly("t-9");
        assertThat(received.header("x-all")).containsExactly("a,b");
        assertThat(received.header("x-stage")).containsExactly("dev");
        assertThat(received.header("x-source-ip")).containsExactly("127.0.0.1");
        assertThat(received.header("x-absent")).isNull();
    }

    @Test
    void responseMappingsReadBackendHeadersAndBody() {
        appsync.body = "plain";

        HttpResponse<String> response = send("GET", "/http/x", null);

        assertThat(response.headers().allValues("X-Backend")).containsExactly("s3cr3t");
        assertThat(response.headers().allValues("X-Body")).containsExactly("plain");
        assertThat(response.headers().allValues("Set-Cookie"))
                .as("unmapped backend headers are dropped")
                .isEmpty();
    }

    @Test
    void aSlowBackendIsAnIntegrationTimeout() {
        appsync.delayMillis = 2_000;

        HttpResponse<String> response = send("GET", "/slow", null);

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(json(response.body())).isEqualTo(json("{\"message\":\"Endpoint request timed out\"}"));
    }

    /** Without timeoutInMillis an integration may take the default 29 s (docs/aws.md#integration-responses), not less. */
    @Test
    void withoutTimeoutInMillisABackendMayTakeSeconds() {
        appsync.delayMillis = 1_500;

        HttpResponse<String> response = send("GET", "/http/x", null);

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void passthroughNeverWithoutTemplatesIs415() {
        HttpResponse<String> response = send("POST", "/never", "{}", "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(appsync.received).isEmpty();
    }

    @Test
    void aProxyEventAfterAnAuthorizerCarriesItsStringifiedContext() {
        lambdas.returns(
                AUTHORIZER,
                FakeLambdas.policy("user-5", "Allow", "*", "{\"tenant\":\"t1\",\"n\":1,\"ok\":true,\"gone\":null}"));
        lambdas.returns(AUTH_API, "{\"statusCode\":204}");

        HttpResponse<String> response = send("POST", "/proxied", "{}");

        assertThat(response.statusCode()).isEqualTo(204);
        JsonNode authorizer =
                lambdas.eventsOf(AUTH_API).get(0).get("requestContext").get("authorizer");
        assertThat(authorizer.get("principalId").asText()).isEqualTo("user-5");
        assertThat(authorizer.get("integrationLatency").isIntegralNumber()).isTrue();
        assertThat(authorizer.get("tenant").asText()).isEqualTo("t1");
        assertThat(authorizer.get("n").isTextual()).isTrue();
        assertThat(authorizer.get("n").asText()).isEqualTo("1");
        assertThat(authorizer.get("ok").asText()).isEqualTo("true");
        assertThat(authorizer.get("ok").isTextual()).isTrue();
        assertThat(authorizer.has("gone")).isTrue();
        assertThat(authorizer.get("gone").isNull()).isTrue();
    }
}
