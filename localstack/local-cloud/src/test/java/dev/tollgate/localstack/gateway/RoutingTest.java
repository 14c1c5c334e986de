package dev.tollgate.localstack.gateway;

import static dev.tollgate.localstack.gateway.FakeLambdas.AUTHORIZER;
import static dev.tollgate.localstack.gateway.FakeLambdas.AUTH_API;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docs/aws.md#routing and docs/aws.md#gateway-responses (MISSING_AUTHENTICATION_TOKEN), plus the MOCK preflights. */
class RoutingTest extends GatewayTestSupport {

    @ParameterizedTest
    @CsvSource({
        "GET, /graphql",
        "PUT, /verified/graphql",
        "POST, /nope",
        "POST, /graphql/extra",
        "GET, /auth",
        "GET, ''",
        "POST, /Graphql"
    })
    void unknownResourcesAndMethodsAre403MissingAuthenticationToken(String method, String path) {
        HttpResponse<String> response = send(method, path, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response.body())).isEqualTo(json("{\"message\":\"Missing Authentication Token\"}"));
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        // DEFAULT_4XX of the definition lends its CORS headers.
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
        assertThat(lambdas.calls).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"/prod/graphql", "/graphql", "/", "/DEV/graphql"})
    void aPathOutsideTheStageIsMissingAuthenticationTokenToo(String path) throws Exception {
        lambdas.returns(AUTHORIZER, FakeLambdas.policy("u", "Allow", "*", null));
        HttpResponse<String> response = client.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + path))
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("MissingAuthenticationTokenException");
        assertThat(lambdas.calls).isEmpty();
    }

    @Test
    void preflightsAreMockedWithoutTheAuthorizer() {
        HttpResponse<String> response =
                send("OPTIONS", "/graphql", null, "Origin", ORIGIN, "Access-Control-Request-Method", "POST");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{}");
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
        assertThat(response.headers().allValues("Access-Control-Allow-Credentials"))
                .containsExactly("true");
        assertThat(response.headers().allValues("Access-Control-Allow-Methods")).containsExactly("OPTIONS,POST");
        assertThat(response.headers().allValues("Access-Control-Allow-Headers"))
                .containsExactly("Content-Type,rid,fdi-version,anti-csrf,st-auth-mode,authorization");
        assertThat(lambdas.calls).isEmpty();
        assertThat(appsync.received).isEmpty();
    }

    @Test
    void anExplicitOptionsBeatsAnyOnTheGreedyResource() {
        HttpResponse<String> response = send("OPTIONS", "/auth/session/refresh", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Access-Control-Allow-Methods"))
                .containsExactly("OPTIONS,GET,POST,PUT,DELETE");
        assertThat(lambdas.calls).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "GET, /auth/user/email/verify, user/email/verify",
        "POST, /auth/signup, signup",
        "PUT, /auth/a/b/c/d, a/b/c/d",
        "DELETE, /auth/x, x",
        "PATCH, /auth/x%20y, x y"
    })
    void anyMethodOnTheGreedyResourceReachesTheAuthApi(String method, String path, String proxy) {
        lambdas.returns(AUTH_API, "{\"statusCode\":200,\"body\":\"ok\"}");

        HttpResponse<String> response = send(method, path, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(lambdas.eventsOf(AUTH_API)).singleElement().satisfies(event -> {
            assertThat(event.get("resource").asText()).isEqualTo("/auth/{proxy+}");
            assertThat(event.get("httpMethod").asText()).isEqualTo(method);
            assertThat(event.get("pathParameters").get("proxy").asText()).isEqualTo(proxy);
        });
        assertThat(lambdas.eventsOf(AUTHORIZER)).isEmpty();
    }

    @Test
    void aQueryEscapeThatIsNotUtf8Is400BeforeAnyFunctionRuns() {
        HttpResponse<String> response = send("POST", "/graphql?token=%FF", "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body())).isEqualTo(json("{\"message\":\"Invalid query string\"}"));
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("BadRequestException");
        assertThat(lambdas.calls).isEmpty();
    }
}
