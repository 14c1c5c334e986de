package dev.tollgate.localstack.gateway;

import static dev.tollgate.localstack.gateway.FakeLambdas.AUTHORIZER;
import static dev.tollgate.localstack.gateway.FakeLambdas.policy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** docs/aws.md#authorizer-outcomes, #gateway-templates, #gateway-responses: built-in defaults, DEFAULT_4XX/5XX resolution and non-VTL templates. */
class GatewayResponsesTest {

    static final Path MINIMAL = Path.of("src/test/resources/gateway/minimal-api.yaml");

    static Path withGatewayResponses(String yaml) {
        try {
            Path file = Files.createTempFile("gateway-responses", ".yaml");
            file.toFile().deleteOnExit();
            Files.writeString(file, Files.readString(MINIMAL) + "x-amazon-apigateway-gateway-responses:\n" + yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No customised gateway responses at all: API Gateway's built-in answers. */
    @Nested
    class BuiltInDefaults extends GatewayTestSupport {
        @Override
        Path definition() {
            return MINIMAL;
        }

        @Test
        void unauthorized() {
            lambdas.define(AUTHORIZER, e -> new Invocation.FunctionError("Unauthorized", "Error"));
            HttpResponse<String> response = send("POST", "/mock", "{}");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
            assertThat(response.headers().allValues("Access-Control-Allow-Origin"))
                    .isEmpty();
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        }

        @Test
        void explicitAndImplicitDenyUseACapitalM() {
            lambdas.returns(AUTHORIZER, policy("u", "Deny", "*", null));
            HttpResponse<String> explicit = send("POST", "/mock", "{}");
            assertThat(explicit.statusCode()).isEqualTo(403);
            assertThat(explicit.body())
                    .isEqualTo(
                            "{\"Message\":\"User is not authorized to access this resource with an explicit deny\"}");
            assertThat(explicit.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");

            lambdas.returns(AUTHORIZER, policy("u", "Allow", "arn:aws:execute-api:*:*:*/dev/GET/mock", null));
            HttpResponse<String> implicit = send("POST", "/mock", "{}");
            assertThat(implicit.statusCode()).isEqualTo(403);
            assertThat(implicit.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
        }

        @Test
        void configurationErrorHasANullMessage() {
            lambdas.define(AUTHORIZER, e -> new Invocation.FunctionError("boom", "Error"));
            HttpResponse<String> response = send("POST", "/mock", "{}");
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"message\":null}");
        }

        @Test
        void anAllowedMockAnswersItsLiteralTemplate() {
            lambdas.returns(AUTHORIZER, policy("u", "Allow", "*", null));
            HttpResponse<String> response = send("POST", "/mock", "{}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"ok\":true}");
        }

        @Test
        void mockStatusSelectsTheIntegrationResponseByRegex() {
            HttpResponse<String> response = send("GET", "/teapot", null);
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().allValues("X-Kind")).containsExactly("client");
        }

        @Test
        void noMatchingIntegrationResponseIsAnApiConfigurationError() {
            HttpResponse<String> response = send("GET", "/unmatched", null);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"message\":\"Internal server error\"}");
        }

        @Test
        void identitySourcesAreRequiredAndCachedPoliciesAreReevaluatedPerMethodArn() {
            lambdas.returns(AUTHORIZER, policy("u", "Allow", "arn:aws:execute-api:*:*:*/dev/GET/cached/a", null));

            HttpResponse<String> missing = send("GET", "/cached/a?tenant=t1", null);
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(send("GET", "/cached/a?tenant=", null, "X-Session", "s1").statusCode())
                    .isEqualTo(401);
            assertThat(lambdas.calls).as("401 without invoking the authorizer").isEmpty();

            assertThat(send("GET", "/cached/a?tenant=t1", null, "X-Session", "s1")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(send("GET", "/cached/a?tenant=t1", null, "X-Session", "s1")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(lambdas.calls).hasSize(1);
            assertThat(send("GET", "/cached/b?tenant=t1", null, "X-Session", "s1")
                            .statusCode())
                    .as("the cached policy only allows /cached/a")
                    .isEqualTo(403);
            assertThat(lambdas.calls).hasSize(1);
            assertThat(send("GET", "/cached/a?tenant=t1", null, "X-Session", "s2")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(lambdas.calls).hasSize(2);
        }
    }

    /** DEFAULT_4XX with a status, a specific UNAUTHORIZED entry, DEFAULT_5XX without a status. */
    @Nested
    class Customised extends GatewayTestSupport {
        @Override
        Path definition() {
            return withGatewayResponses("""
                      DEFAULT_4XX:
                        statusCode: "418"
                        responseParameters:
                          gatewayresponse.header.X-Kind: "'four'"
                          gatewayresponse.header.X-Request: "context.requestId"
                          gatewayresponse.header.X-Missing: "context.authorizer.nothing"
                          gatewayresponse.header.X-Echo: "method.request.header.X-Trace"
                        responseTemplates:
                          application/json: '{"type":"$context.error.responseType","msg":$context.error.messageString,"raw":"$context.error.message","none":"$context.authorizer.nothing","stage":"$context.stage","p":"$context.authorizer.principalId"}'
                      UNAUTHORIZED:
                        responseParameters:
                          gatewayresponse.header.X-Specific: "'yes'"
                        responseTemplates:
                          application/json: '{"message":$context.error.messageString}'
                          text/plain: 'please sign in'
                      DEFAULT_5XX:
                        responseParameters:
                          gatewayresponse.header.X-Kind: "'five'"
                    """);
        }

        @Test
        void default4xxLendsItsStatusHeadersAndTemplate() {
            HttpResponse<String> response = send("GET", "/nowhere", null, "X-Trace", "t-1");

            assertThat(response.statusCode()).isEqualTo(418);
            assertThat(response.headers().allValues("X-Kind")).containsExactly("four");
            assertThat(response.headers().allValues("X-Echo")).containsExactly("t-1");
            assertThat(response.headers().allValues("X-Request"))
                    .containsExactly(
                            response.headers().firstValue("x-amzn-RequestId").orElseThrow());
            assertThat(response.headers().map().keySet()).noneMatch(k -> k.equalsIgnoreCase("X-Missing"));
            assertThat(response.headers().firstValue("x-amzn-ErrorType"))
                    .hasValue("MissingAuthenticationTokenException");
            assertThat(response.body())
                    .isEqualTo("{\"type\":\"MISSING_AUTHENTICATION_TOKEN\","
                            + "\"msg\":\"Missing Authentication Token\",\"raw\":\"Missing Authentication Token\",\"none\":\"\","
                            + "\"stage\":\"dev\",\"p\":\"\"}");
        }

        @Test
        void accessDeniedTemplatesSeeTheAuthorizerContext() {
            lambdas.returns(AUTHORIZER, policy("user-7", "Deny", "*", null));
            HttpResponse<String> response = send("POST", "/mock", "{}");
            assertThat(response.statusCode()).isEqualTo(418);
            assertThat(json(response.body()).get("p").asText()).isEqualTo("user-7");
            assertThat(json(response.body()).get("type").asText()).isEqualTo("ACCESS_DENIED");
        }

        @Test
        void aSpecificEntryWinsWithoutMergingDefault4xx() {
            lambdas.define(AUTHORIZER, e -> new Invocation.FunctionError("Unauthorized", "Error"));

            HttpResponse<String> response = send("POST", "/mock", "{}");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().allValues("X-Specific")).containsExactly("yes");
            assertThat(response.headers().allValues("X-Kind")).isEmpty();
            assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        }

        @Test
        void theTemplateFollowsAccept() {
            lambdas.define(AUTHORIZER, e -> new Invocation.FunctionError("Unauthorized", "Error"));

            HttpResponse<String> response = send("POST", "/mock", "{}", "Accept", "text/plain");

            assertThat(response.body()).isEqualTo("please sign in");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain");
        }

        @Test
        void default5xxWithoutStatusKeepsTheTypeStatus() {
            lambdas.define(AUTHORIZER, e -> new Invocation.FunctionError("boom", "Error"));

            HttpResponse<String> response = send("POST", "/mock", "{}");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().allValues("X-Kind")).containsExactly("five");
            assertThat(response.body()).isEqualTo("{\"message\":null}");
        }
    }
}
