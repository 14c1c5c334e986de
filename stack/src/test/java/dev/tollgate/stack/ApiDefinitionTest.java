package dev.tollgate.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiDefinitionTest {

    static final Path OPENAPI = Path.of("..").resolve(StackFiles.OPENAPI);

    static Map<String, String> placeholders() {
        Map<String, String> values = new HashMap<>();
        values.put("AwsRegion", "us-east-1");
        values.put("AuthorizerFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:tollgate-authorizer");
        values.put("AuthApiFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:tollgate-auth-api");
        values.put("AppSyncGraphqlUrl", "http://localhost:4100/graphql");
        values.put("AppSyncApiKey", "da2-localkey");
        values.put("WebsiteOrigin", "http://localhost:3000");
        return values;
    }

    @Test
    void theDefinitionUsesExactlyTheDocumentedPlaceholders() throws IOException {
        assertThat(Placeholders.namesIn(Files.readString(OPENAPI)))
                .containsExactlyInAnyOrder(
                        "AwsRegion",
                        "AuthorizerFunctionArn",
                        "AuthApiFunctionArn",
                        "AppSyncGraphqlUrl",
                        "AppSyncApiKey",
                        "WebsiteOrigin");
    }

    @Test
    void filledDefinitionExpressesTheWorkedExample() {
        JsonNode doc = ApiDefinition.load(OPENAPI, placeholders()).document();

        JsonNode authorizer = doc.at("/components/securitySchemes/sessionAuthorizer/x-amazon-apigateway-authorizer");
        assertThat(authorizer.path("type").asText()).isEqualTo("request");
        assertThat(authorizer.path("authorizerResultTtlInSeconds").asInt(-1)).isZero();
        assertThat(authorizer.has("identitySource")).isFalse();
        assertThat(authorizer.path("authorizerUri").asText())
                .isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                        + "arn:aws:lambda:us-east-1:000000000000:function:tollgate-authorizer/invocations");

        for (String path : new String[] {"/graphql", "/verified/graphql", "/admin/graphql"}) {
            JsonNode integration = doc.path("paths").path(path).path("post").path("x-amazon-apigateway-integration");
            assertThat(integration.path("type").asText()).isEqualTo("http");
            assertThat(integration.path("uri").asText()).isEqualTo("http://localhost:4100/graphql");
            assertThat(integration
                            .at("/requestParameters/integration.request.header.x-user-id")
                            .asText())
                    .isEqualTo("context.authorizer.principalId");
            assertThat(integration
                            .at("/requestParameters/integration.request.header.x-api-key")
                            .asText())
                    .isEqualTo("'da2-localkey'");
            assertThat(integration.path("responses").fieldNames())
                    .toIterable()
                    .containsExactlyInAnyOrder("default", "4\\d{2}", "5\\d{2}");
            // only the admin route vouches for the admin role to the resolver
            assertThat(integration
                            .at("/requestParameters/integration.request.header.x-tollgate-admin")
                            .asText(null))
                    .isEqualTo(path.equals("/admin/graphql") ? "'true'" : null);
            assertThat(doc.path("paths")
                            .path(path)
                            .path("options")
                            .at("/x-amazon-apigateway-integration/type")
                            .asText())
                    .isEqualTo("mock");
        }
        assertThat(doc.at("/x-amazon-apigateway-gateway-responses/ACCESS_DENIED/responseTemplates/application~1json")
                        .asText())
                .isEqualTo("$context.authorizer.body");
        assertThat(doc.path("x-amazon-apigateway-gateway-responses").fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "UNAUTHORIZED",
                        "ACCESS_DENIED",
                        "AUTHORIZER_CONFIGURATION_ERROR",
                        "AUTHORIZER_FAILURE",
                        "DEFAULT_4XX",
                        "DEFAULT_5XX");
        assertThat(ApiDefinition.load(OPENAPI, placeholders()).toJson()).doesNotContain("${");
    }

    @Test
    void anUnfilledPlaceholderIsAOneLineErrorNamingIt() {
        Map<String, String> values = placeholders();
        values.remove("AppSyncApiKey");
        assertThatThrownBy(() -> ApiDefinition.load(OPENAPI, values))
                .isInstanceOf(ApiDefinitionException.class)
                .hasMessageContaining("${AppSyncApiKey}")
                .hasMessageContaining("openapi.yaml")
                .hasMessageNotContaining("\n");
    }

    @Test
    void valuesThatWouldBreakOutOfTheirYamlStringAreRefused() {
        Map<String, String> values = placeholders();
        values.put("WebsiteOrigin", "http://x' , evil: '");
        assertThatThrownBy(() -> ApiDefinition.load(OPENAPI, values))
                .isInstanceOf(ApiDefinitionException.class)
                .hasMessageContaining("${WebsiteOrigin}");
    }

    @Test
    void brokenYamlIsAOneLineErrorWithItsPosition(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "openapi: \"3.0.1\"\npaths:\n  /x: [unclosed\n  y: 1\n");
        assertThatThrownBy(() -> ApiDefinition.load(file, Map.of()))
                .isInstanceOf(ApiDefinitionException.class)
                .hasMessageContaining("broken.yaml: invalid YAML at line")
                .hasMessageNotContaining("\n");
    }

    @Test
    void missingFileAndNonMappingDocumentAreNamed(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> ApiDefinition.load(dir.resolve("nope.yaml"), Map.of()))
                .hasMessageEndingWith("nope.yaml: no such file");
        Path list = dir.resolve("list.yaml");
        Files.writeString(list, "- a\n- b\n");
        assertThatThrownBy(() -> ApiDefinition.load(list, Map.of())).hasMessageContaining("not a YAML mapping");
        Path dup = dir.resolve("dup.yaml");
        Files.writeString(dup, "a: 1\na: 2\n");
        assertThatThrownBy(() -> ApiDefinition.load(dup, Map.of())).hasMessageContaining("invalid YAML");
    }
}
