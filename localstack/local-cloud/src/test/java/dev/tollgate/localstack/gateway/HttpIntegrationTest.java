package dev.tollgate.localstack.gateway;

import static dev.tollgate.localstack.gateway.FakeLambdas.AUTHORIZER;
import static dev.tollgate.localstack.gateway.FakeLambdas.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** docs/aws.md#parameter-mapping, #empty-mappings, #integration-types, #set-cookie: what the HTTP integration sends to AppSync and returns to the client. */
class HttpIntegrationTest extends GatewayTestSupport {

    static final String COOKIE =
            "sAccessToken=eyJhbGciOi.new; Path=/; Expires=Fri, 26 Nov 2027 16:31:24 GMT; " + "HttpOnly; SameSite=Lax";

    private void allow(String principal, String context) {
        lambdas.define(
                AUTHORIZER,
                e -> new Invocation.Success(
                        policy(principal, "Allow", e.get("methodArn").asText(), context)));
    }

    @Test
    void theBackendReceivesOnlyMappedAndGatewayHeaders() {
        allow("user-123", null);

        HttpResponse<String> response = send(
                "POST",
                "/graphql",
                "{\"query\":\"{ notes { id } }\"}",
                "Content-Type",
                "application/json; charset=utf-8",
                "Accept",
                "application/xml",
                "Cookie",
                "sAccessToken=abc; sFrontToken=x",
                "Origin",
                ORIGIN,
                "Authorization",
                "Bearer abc",
                "User-Agent",
                "browser/1.0",
                "x-user-id",
                "someone-else",
                "X-Api-Key",
                "client-key",
                "rid",
                "session");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(appsync.received).hasSize(1);
        RecordingBackend.Received received = appsync.received.get(0);
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/graphql");
        assertThat(received.body()).isEqualTo("{\"query\":\"{ notes { id } }\"}");
        assertThat(received.header("x-user-id")).containsExactly("user-123");
        assertThat(received.header("x-api-key")).containsExactly(API_KEY);
        assertThat(received.header("accept")).containsExactly("application/json");
        assertThat(received.header("content-type")).containsExactly("application/json; charset=utf-8");
        assertThat(received.header("user-agent")).containsExactly("AmazonAPIGateway_" + gateway.apiId());
        assertThat(received.header("x-amzn-apigateway-api-id")).containsExactly(gateway.apiId());
        assertThat(received.header("x-amzn-trace-id"))
                .singleElement()
                .asString()
                .startsWith("Root=1-");
        assertThat(received.headers().keySet())
                .doesNotContain("cookie", "origin", "authorization", "rid")
                .containsOnly(
                        "x-user-id",
                        "x-api-key",
                        "accept",
                        "content-type",
                        "user-agent",
                        "x-amzn-apigateway-api-id",
                        "x-amzn-trace-id",
                        "host",
                        "content-length");
    }

    @Test
    void aClientSentUserIdNeverReachesTheBackendWhenThePrincipalIsEmpty() {
        allow("", "{\"setCookie\":\"\"}");

        HttpResponse<String> response = graphql("/graphql", "x-user-id", "admin", "X-User-Id", "admin2");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(appsync.received.get(0).header("x-user-id")).isNull();
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().allValues("front-token")).isEmpty();
    }

    @Test
    void theResponseCarriesOnlyMappedHeadersWithTheCookieAsOneLine() {
        allow("user-123", "{\"setCookie\":\"" + COOKIE + "\",\"frontToken\":\"eyJ1aWQiOiJ1In0=\"}");

        HttpResponse<String> response = graphql("/graphql");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"data\":{\"ok\":true}}");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly(COOKIE);
        assertThat(response.headers().allValues("front-token")).containsExactly("eyJ1aWQiOiJ1In0=");
        assertThat(response.headers().allValues("Access-Control-Expose-Headers"))
                .containsExactly("front-token");
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
        assertThat(response.headers().allValues("Access-Control-Allow-Credentials"))
                .containsExactly("true");
        assertThat(response.headers().allValues("Content-Type")).containsExactly("application/json");
        assertThat(response.headers().map().keySet()).noneMatch(k -> k.equalsIgnoreCase("X-Backend-Secret"));
        // The backend's hop/identity headers come back renamed, never under their own names.
        assertThat(response.headers().allValues("x-amzn-Remapped-Content-Length"))
                .containsExactly(Integer.toString(appsync.body.length()));
        assertThat(response.headers().firstValue("x-amzn-Remapped-Date")).isPresent();
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void contextValuesAreStringifiedBeforeTheyAreMapped() {
        allow("user-123", "{\"frontToken\":12,\"setCookie\":true,\"unused\":null}");

        HttpResponse<String> response = graphql("/graphql");

        assertThat(response.headers().allValues("front-token")).containsExactly("12");
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("true");
    }

    @Test
    void aContextValueThatWouldSplitTheHeaderIsNotSent() {
        allow("user-123", "{\"setCookie\":\"a=1\\r\\nInjected: yes\",\"frontToken\":\"ok\"}");

        HttpResponse<String> response = graphql("/graphql");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(response.headers().allValues("Injected")).isEmpty();
        assertThat(response.headers().allValues("front-token")).containsExactly("ok");
    }

    @Test
    void integrationResponsesAreChosenByTheBackendStatus() {
        allow("user-123", "{\"setCookie\":\"" + COOKIE + "\"}");

        appsync.status = 401;
        appsync.body = "{\"errors\":[{\"errorType\":\"UnauthorizedException\"}]}";
        HttpResponse<String> clientError = graphql("/graphql");
        assertThat(clientError.statusCode()).isEqualTo(400);
        assertThat(clientError.body()).isEqualTo(appsync.body);
        assertThat(clientError.headers().allValues("Set-Cookie")).containsExactly(COOKIE);
        assertThat(clientError.headers().allValues("Access-Control-Allow-Origin"))
                .containsExactly(ORIGIN);

        appsync.status = 503;
        HttpResponse<String> serverError = graphql("/graphql");
        assertThat(serverError.statusCode()).isEqualTo(502);
        assertThat(serverError.headers().allValues("Access-Control-Allow-Origin"))
                .containsExactly(ORIGIN);

        appsync.status = 201;
        assertThat(graphql("/graphql").statusCode()).isEqualTo(200);
    }

    @Test
    void theVerifiedRouteIsAuthorizedWithItsOwnMethodArn() {
        allow("user-9", null);

        HttpResponse<String> response = graphql("/verified/graphql");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lambdas.eventsOf(AUTHORIZER).get(0).get("methodArn").asText())
                .isEqualTo(arn("POST", "/verified/graphql"));
        assertThat(appsync.received.get(0).header("x-user-id")).containsExactly("user-9");
    }

    @Test
    void anUnreachableBackendIsAGatewayErrorWithCors() {
        allow("user-123", null);
        appsync.close();

        HttpResponse<String> response = graphql("/graphql");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
        assertThat(json(response.body()).get("message").asText()).isEqualTo("Internal server error");
    }

    @Test
    void logsNeverContainCookiesTokensOrHeaderValues() {
        allow("user-123", "{\"setCookie\":\"" + COOKIE + "\"}");
        graphql("/graphql", "Cookie", "sAccessToken=secret-token-value");

        assertThat(logLines)
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line)
                        .doesNotContain("secret-token-value")
                        .doesNotContain("eyJhbGciOi")
                        .doesNotContain(API_KEY));
        assertThat(json(logLines.get(logLines.size() - 1)).get("status").asInt())
                .isEqualTo(200);
    }
}
