package dev.tollgate.localstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.stack.ApiDefinition;
import dev.tollgate.stack.ApiDefinitionException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway refuses, in one line naming the place, what it would otherwise have to ignore or guess. */
class RestApiParserTest {

    private static RestApi parse(String yaml) {
        return RestApiParser.parse(ApiDefinition.parse(yaml, "test.yaml", Map.of()));
    }

    private static String mockPath(String path, String integration) {
        return """
                openapi: "3.0.1"
                info: { title: t, version: "1" }
                paths:
                  %s:
                    get:
                      responses: { "200": { description: ok, headers: { X-Ok: { schema: { type: string } } } } }
                      x-amazon-apigateway-integration:
                %s
                """.formatted(path, integration.indent(8));
    }

    private static final String MOCK = """
            type: mock
            requestTemplates: { application/json: '{"statusCode": 200}' }
            responses: { default: { statusCode: "200" } }
            """;

    @Test
    void theRealDefinitionParsesIntoTheExpectedRoutes() {
        ApiDefinition definition = ApiDefinition.load(
                GatewayTestSupport.OPENAPI, GatewayTestSupport.placeholders("http://localhost:1/graphql"));
        RestApi api = RestApiParser.parse(definition);
        assertThat(api.resources())
                .extracting(RestApi.Resource::path)
                .containsExactlyInAnyOrder("/graphql", "/verified/graphql", "/admin/graphql", "/auth/{proxy+}");
        RestApi.Resource auth = api.resources().stream()
                .filter(r -> r.path().equals("/auth/{proxy+}"))
                .findFirst()
                .orElseThrow();
        assertThat(auth.methods().keySet()).containsExactlyInAnyOrder("ANY", "OPTIONS");
        assertThat(auth.methods().get("ANY").authorizer()).isEmpty();
        assertThat(auth.methods().get("ANY").integration())
                .isEqualTo(new RestApi.AwsProxyIntegration(FakeLambdas.AUTH_API));
        RestApi.Resource graphql = api.resources().stream()
                .filter(r -> r.path().equals("/graphql"))
                .findFirst()
                .orElseThrow();
        assertThat(graphql.methods().get("POST").authorizer())
                .get()
                .isEqualTo(new RestApi.Authorizer("sessionAuthorizer", FakeLambdas.AUTHORIZER, List.of(), 0));
        assertThat(graphql.methods().get("OPTIONS").authorizer()).isEmpty();
        // every type openapi.yaml customises (its own test lists them), none dropped or invented
        assertThat(api.gatewayResponses().keySet())
                .isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(
                        definition.document().path("x-amazon-apigateway-gateway-responses")::fieldNames);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "/x | type: lambda                                          | unsupported integration type 'lambda'",
                "/{a+}/b | " + "type: mock                                  | greedy",
                "/x | type: http\\nhttpMethod: POST\\nuri: 'ftp://x'            | absolute http(s) URL",
                "/x | type: aws_proxy\\nhttpMethod: POST\\nuri: 'arn:aws:lambda:x' | not a Lambda invocation URI",
                "/x | type: aws_proxy\\nhttpMethod: GET\\nuri: x                | must use httpMethod POST"
            })
    void unsupportedIntegrationsAndPathsAreRefused(String path, String integration, String expected) {
        String body = integration.replace("\\n", "\n");
        assertThatThrownBy(() -> parse(mockPath(path.strip(), body.strip() + "\n")))
                .isInstanceOf(ApiDefinitionException.class)
                .hasMessageStartingWith("test.yaml: ")
                .hasMessageContaining(expected.strip())
                .hasMessageNotContaining("\n");
    }

    @Test
    void vtlTemplatesAreRefused() {
        String yaml = mockPath(
                "/x",
                MOCK.replace(
                        "responses: { default: { statusCode: \"200\" } }",
                        "responses: { default: { statusCode: \"200\", responseTemplates: { application/json: '$input.body' } } }"));
        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("VTL templates are not supported");
    }

    @Test
    void responseHeadersMustBeDeclaredOnTheMethodResponse() {
        String yaml = mockPath(
                "/x",
                MOCK.replace(
                        "{ statusCode: \"200\" }",
                        "{ statusCode: \"200\", responseParameters: { method.response.header.X-Undeclared: \"'v'\" } }"));
        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("'X-Undeclared' is not declared");
        String declared = mockPath(
                "/x",
                MOCK.replace(
                        "{ statusCode: \"200\" }",
                        "{ statusCode: \"200\", responseParameters: { method.response.header.X-Ok: \"'v'\" } }"));
        assertThat(parse(declared).resources()).hasSize(1);
    }

    @Test
    void staticValuesNeedQuotes() {
        String yaml = mockPath(
                "/x",
                MOCK.replace(
                        "{ statusCode: \"200\" }",
                        "{ statusCode: \"200\", responseParameters: { method.response.header.X-Ok: \"true\" } }"));
        assertThatThrownBy(() -> parse(yaml))
                .hasMessageContaining("unsupported mapping source 'true'")
                .hasMessageContaining("single quotes");
    }

    @Test
    void forbiddenRequestHeaderMappingsAreRefused() {
        String yaml = mockPath("/x", """
                type: http
                httpMethod: POST
                uri: "http://localhost:1/graphql"
                requestParameters: { integration.request.header.Content-Length: "'1'" }
                responses: { default: { statusCode: "200" } }
                """);
        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("'Content-Length' cannot be mapped");
    }

    @Test
    void aCachedAuthorizerNeedsAnIdentitySource() {
        String yaml = """
                openapi: "3.0.1"
                info: { title: t, version: "1" }
                components:
                  securitySchemes:
                    a:
                      type: apiKey
                      x-amazon-apigateway-authorizer:
                        type: request
                        authorizerUri: "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:f/invocations"
                paths: {}
                """;
        assertThatThrownBy(() -> parse(yaml)).hasMessageContaining("authorizerResultTtlInSeconds: 0");
    }

    @Test
    void unknownGatewayResponseTypesAndSecuritySchemesAreRefused() {
        String unknownType = mockPath("/x", MOCK) + "x-amazon-apigateway-gateway-responses: { NOT_A_TYPE: {} }\n";
        assertThatThrownBy(() -> parse(unknownType)).hasMessageContaining("unknown gateway response type");
        String unknownScheme =
                mockPath("/x", MOCK).replace("    get:\n", "    get:\n      security: [ { nope: [] } ]\n");
        assertThatThrownBy(() -> parse(unknownScheme)).hasMessageContaining("'nope' is not a Lambda authorizer");
    }

    @Test
    void onlyOpenApi3IsAccepted() {
        assertThatThrownBy(() -> parse("swagger: \"2.0\"\npaths: {}\n")).hasMessageContaining("only OpenAPI 3");
    }
}
