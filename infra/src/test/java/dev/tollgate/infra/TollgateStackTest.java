package dev.tollgate.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** The AWS layout, synthesised once for the class from the checkout's own definition files. */
class TollgateStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Template template;
    private static JsonNode json;

    @BeforeAll
    static void synthesise() {
        App app = new App(AppProps.builder()
                .context(Map.of(InfraSettings.REPO_ROOT, Path.of("..").toString()))
                .build());
        InfraSettings settings = InfraSettings.from(key -> app.getNode().tryGetContext(key));
        TollgateStack stack = new TollgateStack(
                app, "tollgate", StackProps.builder().stackName("tollgate").build(), settings);
        template = Template.fromStack(stack);
        json = JSON.valueToTree(template.toJSON());
    }

    @Test
    void theRestApiBodyIsOpenapiYamlWithAnUncachedRequestAuthorizerWithoutIdentitySource() {
        JsonNode body = only("AWS::ApiGateway::RestApi").path("Properties").path("Body");
        JsonNode authorizer = body.path("components")
                .path("securitySchemes")
                .path("sessionAuthorizer")
                .path("x-amazon-apigateway-authorizer");
        assertThat(authorizer.path("type").asText()).isEqualTo("request");
        assertThat(authorizer.path("authorizerResultTtlInSeconds").asInt(-1)).isZero();
        assertThat(authorizer.has("identitySource")).isFalse();
        assertThat(authorizer.path("authorizerUri").toString())
                .contains(":function:", "tollgate-authorizer:live", "/invocations");
        assertThat(body.path("paths")
                        .path("/auth/{proxy+}")
                        .path("x-amazon-apigateway-any-method")
                        .path("x-amazon-apigateway-integration")
                        .path("type")
                        .asText())
                .isEqualTo("aws_proxy");
        JsonNode graphql = body.path("paths").path("/graphql").path("post").path("x-amazon-apigateway-integration");
        assertThat(graphql.path("requestParameters")
                        .path("integration.request.header.x-user-id")
                        .asText())
                .isEqualTo("context.authorizer.principalId");
        assertThat(graphql.path("requestParameters")
                        .path("integration.request.header.x-api-key")
                        .toString())
                .as("the key is a reference to the AppSync key, never its value")
                .contains("Fn::GetAtt", "ApiKey");
        assertThat(graphql.path("uri").toString()).contains("GraphQLUrl");
        assertThat(body.toString()).doesNotContain("${", "tollgate-placeholder-");
        assertThat(body.path("paths").path("/verified/graphql").path("post").path("x-amazon-apigateway-integration"))
                .isEqualTo(graphql);
        template.hasResourceProperties("AWS::ApiGateway::RestApi", Map.of("FailOnWarnings", true));
    }

    @Test
    void everyGatewayResponseIsAnExplicitResourceWithTheCorsHeadersAndTemplatesOfTheLocalCloud() {
        Map<String, JsonNode> responses = new HashMap<>();
        resources("AWS::ApiGateway::GatewayResponse")
                .forEach(r ->
                        responses.put(r.path("Properties").path("ResponseType").asText(), r.path("Properties")));
        // the types are the ones openapi.yaml customises (its own test lists them)
        JsonNode defined = only("AWS::ApiGateway::RestApi")
                .path("Properties")
                .path("Body")
                .path("x-amazon-apigateway-gateway-responses");
        assertThat(responses.keySet()).isNotEmpty().containsExactlyInAnyOrderElementsOf(defined::fieldNames);
        responses.values().forEach(r -> {
            assertThat(r.path("ResponseParameters")
                            .path("gatewayresponse.header.Access-Control-Allow-Origin")
                            .asText())
                    .isEqualTo("'" + TollgateStack.NO_CROSS_ORIGIN + "'");
            assertThat(r.path("ResponseParameters")
                            .path("gatewayresponse.header.Access-Control-Allow-Credentials")
                            .asText())
                    .isEqualTo("'true'");
        });
        assertThat(responses.get("UNAUTHORIZED").path("StatusCode").asText()).isEqualTo("401");
        assertThat(responses
                        .get("UNAUTHORIZED")
                        .path("ResponseTemplates")
                        .path("application/json")
                        .asText())
                .isEqualTo("{\"message\":$context.error.messageString}");
        assertThat(responses.get("ACCESS_DENIED").path("StatusCode").asText()).isEqualTo("403");
        assertThat(responses
                        .get("ACCESS_DENIED")
                        .path("ResponseTemplates")
                        .path("application/json")
                        .asText())
                .isEqualTo("$context.authorizer.body");
        assertThat(responses
                        .get("ACCESS_DENIED")
                        .path("ResponseParameters")
                        .path("gatewayresponse.header.Set-Cookie")
                        .asText())
                .isEqualTo("context.authorizer.setCookie");
        // the deployment comes after the responses, or the stage would serve the defaults
        JsonNode deployment = only("AWS::ApiGateway::Deployment");
        assertThat(deployment.path("DependsOn").toString()).contains("ResponseUNAUTHORIZED", "ResponseACCESSDENIED");
    }

    @Test
    void theStageIsThrottledAndWritesJsonAccessLogsWithoutCookiesOrTokens() {
        JsonNode stage = only("AWS::ApiGateway::Stage").path("Properties");
        assertThat(stage.path("StageName").asText()).isEqualTo("dev");
        JsonNode method = stage.path("MethodSettings").get(0);
        assertThat(method.path("ThrottlingRateLimit").asDouble()).isPositive();
        assertThat(method.path("ThrottlingBurstLimit").asInt()).isPositive();
        String format = stage.path("AccessLogSetting").path("Format").asText();
        assertThat(readTree(format).path("requestId").asText()).isEqualTo("$context.requestId");
        assertThat(format.toLowerCase(Locale.ROOT)).doesNotContain("cookie", "token", "header");
        assertThat(stage.path("AccessLogSetting").path("DestinationArn").toString())
                .contains("AccessLogs");
    }

    @Test
    void apiGatewayMayInvokeTheAuthorizerAliasForAuthorizersAndTheAuthApiOnItsRoutesOnly() {
        List<JsonNode> permissions = resources("AWS::Lambda::Permission");
        assertThat(permissions).hasSize(2);
        JsonNode toAlias = permissions.stream()
                .filter(p ->
                        p.path("Properties").path("FunctionName").toString().contains("AuthorizerAlias"))
                .findFirst()
                .orElseThrow();
        assertThat(toAlias.path("Properties").path("SourceArn").toString()).contains("/authorizers/*");
        JsonNode toAuthApi = permissions.stream()
                .filter(p -> p.path("Properties").path("SourceArn").toString().contains("/*/*/auth/*"))
                .findFirst()
                .orElseThrow();
        assertThat(toAuthApi.path("Properties").path("FunctionName").toString()).contains("AuthApiFunction");
        permissions.forEach(p -> {
            assertThat(p.path("Properties").path("Principal").asText()).isEqualTo("apigateway.amazonaws.com");
            assertThat(p.path("Properties").path("Action").asText()).isEqualTo("lambda:InvokeFunction");
        });
    }

    @Test
    void theThreeFunctionsComeFromTheBuiltJarsWithTheLocalCloudsEnvironmentOnOneHttpsOrigin() {
        JsonNode authorizer = function("tollgate-authorizer");
        assertThat(authorizer.path("Handler").asText())
                .isEqualTo("dev.tollgate.authorizer.AuthorizerHandler::handleRequest");
        assertThat(authorizer.path("Runtime").asText()).isEqualTo("java21");
        assertThat(authorizer.path("Architectures").toString()).isEqualTo("[\"x86_64\"]");
        JsonNode env = authorizer.path("Environment").path("Variables");
        assertThat(env.path("API_DOMAIN"))
                .as("site and API share the distribution's origin")
                .isEqualTo(env.path("WEBSITE_DOMAIN"));
        assertThat(env.path("API_DOMAIN").toString()).contains("https://", "CdnDistribution");
        assertThat(env.path("API_GATEWAY_PATH").asText()).isEqualTo("/dev");
        assertThat(env.path("API_BASE_PATH").asText()).isEqualTo("/auth");
        assertThat(env.path("REQUIRED_CLAIMS").asText())
                .isEqualTo("POST /verified/graphql=st-ev;POST /admin/graphql=st-role:admin");
        assertThat(env.path("SESSION_REQUIRED").asText()).isEqualTo("true");
        assertThat(env.has("COOKIE_SAME_SITE"))
                .as("SameSite follows from the one origin")
                .isFalse();
        JsonNode authApi = function("tollgate-auth-api").path("Environment").path("Variables");
        assertThat(authApi.path("EMAIL_SENDER").asText()).isEqualTo("ses");
        assertThat(authApi.path("EMAIL_FROM").toString()).contains("SenderAddress");
        assertThat(function("tollgate-resolver")
                        .path("Environment")
                        .path("Variables")
                        .path("NOTES_TABLE")
                        .toString())
                .contains("NotesTable");
        for (String name : List.of("tollgate-authorizer", "tollgate-auth-api", "tollgate-resolver")) {
            JsonNode f = function(name);
            assertThat(f.path("Code").path("S3Key").asText()).as(name).endsWith(".jar");
            assertThat(f.path("LoggingConfig").path("LogGroup").toString())
                    .as(name)
                    .contains("Logs");
        }
        resources("AWS::Logs::LogGroup")
                .forEach(g -> assertThat(
                                g.path("Properties").path("RetentionInDays").asInt())
                        .isPositive());
    }

    @Test
    void theCoreUriAndKeyAreDynamicReferencesToTheNamedSecretSoTheTemplateHoldsNoSecret() {
        JsonNode env = function("tollgate-authorizer").path("Environment").path("Variables");
        assertThat(env.path("SUPERTOKENS_CONNECTION_URI").toString())
                .contains("{{resolve:secretsmanager:", "CoreSecretName", ":SecretString:connectionUri");
        assertThat(env.path("SUPERTOKENS_API_KEY").toString()).contains(":SecretString:apiKey");
        assertThat(json.path("Parameters").path("CoreSecretName").has("Default"))
                .isFalse();
        assertThat(json.path("Parameters").path("SenderAddress").has("Default")).isFalse();
    }

    @Test
    void theAuthorizerRunsWithSnapStartBehindAPublishedVersionAndAnAliasThatTheApiInvokes() {
        assertThat(function("tollgate-authorizer")
                        .path("SnapStart")
                        .path("ApplyOn")
                        .asText())
                .isEqualTo("PublishedVersions");
        template.resourceCountIs("AWS::Lambda::Version", 1);
        template.hasResourceProperties("AWS::Lambda::Alias", Map.of("Name", "live"));
        JsonNode deployment = only("AWS::ApiGateway::Deployment");
        assertThat(deployment.path("DependsOn").toString()).contains("AuthorizerAlias");
    }

    @Test
    void everyRoleIsLeastPrivilegeWithoutWildcardActions() {
        List<String> actions = new ArrayList<>();
        resources("AWS::IAM::Policy")
                .forEach(p -> p.path("Properties")
                        .path("PolicyDocument")
                        .path("Statement")
                        .forEach(s -> {
                            JsonNode a = s.path("Action");
                            if (a.isArray()) {
                                a.forEach(x -> actions.add(x.asText()));
                            } else {
                                actions.add(a.asText());
                            }
                        }));
        assertThat(actions).isNotEmpty().noneMatch(a -> a.equals("*") || a.endsWith(":*"));
        assertThat(policyOf("AuthApi"))
                .contains("ses:SendEmail", "ses:FromAddress", "SenderAddress")
                .doesNotContain("dynamodb");
        assertThat(policyOf("Resolver"))
                .contains("dynamodb:Query", "dynamodb:Scan", "dynamodb:PutItem", "dynamodb:DeleteItem", "NotesTable")
                .doesNotContain("ses:", "dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:Batch");
        assertThat(policyOf("Authorizer")).doesNotContain("dynamodb", "ses:");
        resources("AWS::IAM::Role").stream()
                .filter(r -> r.path("Properties")
                        .path("AssumeRolePolicyDocument")
                        .toString()
                        .contains("lambda.amazonaws.com"))
                .filter(r -> r.path("Properties").path("Description").asText().startsWith("Runs "))
                .forEach(r -> assertThat(r.path("Properties").has("ManagedPolicyArns"))
                        .isFalse());
    }

    @Test
    void appSyncHasTheSchemaALambdaDataSourceWithItsOwnRoleAndEveryResolverOfResolversYaml() {
        assertThat(only("AWS::AppSync::GraphQLSchema")
                        .path("Properties")
                        .path("Definition")
                        .asText())
                .contains("addNote");
        JsonNode ds = only("AWS::AppSync::DataSource").path("Properties");
        assertThat(ds.path("Type").asText()).isEqualTo("AWS_LAMBDA");
        assertThat(ds.path("Name").asText()).isEqualTo("NotesLambda");
        assertThat(ds.path("ServiceRoleArn").toString()).contains("NotesLambdaRole");
        assertThat(ds.path("LambdaConfig").path("LambdaFunctionArn").toString()).contains("ResolverFunction");
        List<String> fields = new ArrayList<>();
        resources("AWS::AppSync::Resolver").forEach(r -> {
            JsonNode p = r.path("Properties");
            fields.add(p.path("TypeName").asText() + "." + p.path("FieldName").asText());
            assertThat(p.path("DataSourceName").asText()).isEqualTo("NotesLambda");
            assertThat(p.has("RequestMappingTemplate") || p.has("Code")).isFalse();
        });
        assertThat(fields)
                .containsExactlyInAnyOrder(
                        "Query.me", "Query.notes", "Query.allNotesCount", "Mutation.addNote", "Mutation.deleteNote");
        template.hasResourceProperties("AWS::AppSync::GraphQLApi", Map.of("AuthenticationType", "API_KEY"));
        assertThat(policyOf("NotesLambdaRole")).contains("lambda:InvokeFunction", "ResolverFunction");
    }

    @Test
    void theNotesTableKeepsItsDataWithPointInTimeRecovery() {
        template.hasResource(
                "AWS::DynamoDB::Table",
                Map.of(
                        "DeletionPolicy", "Retain",
                        "UpdateReplacePolicy", "Retain",
                        "Properties",
                                Map.of(
                                        "TableName",
                                        "tollgate-notes",
                                        "BillingMode",
                                        "PAY_PER_REQUEST",
                                        "PointInTimeRecoverySpecification",
                                        Map.of("PointInTimeRecoveryEnabled", true),
                                        "KeySchema",
                                        List.of(
                                                Map.of("AttributeName", "userId", "KeyType", "HASH"),
                                                Map.of("AttributeName", "noteId", "KeyType", "RANGE")))));
    }

    @Test
    void theSiteBucketIsPrivateWithoutWebsiteHostingBehindOneDistributionThatRoutesTheStageToTheApi() {
        JsonNode bucket = only("AWS::S3::Bucket").path("Properties");
        assertThat(bucket.has("WebsiteConfiguration")).isFalse();
        assertThat(bucket.path("PublicAccessBlockConfiguration").toString())
                .isEqualTo(
                        "{\"BlockPublicAcls\":true,\"BlockPublicPolicy\":true,\"IgnorePublicAcls\":true,\"RestrictPublicBuckets\":true}");
        template.resourceCountIs("AWS::CloudFront::Distribution", 1);
        JsonNode config =
                only("AWS::CloudFront::Distribution").path("Properties").path("DistributionConfig");
        assertThat(config.path("DefaultCacheBehavior")
                        .path("ViewerProtocolPolicy")
                        .asText())
                .isEqualTo("https-only");
        assertThat(config.path("DefaultRootObject").asText()).isEqualTo("index.html");
        JsonNode api = config.path("CacheBehaviors").get(0);
        assertThat(config.path("CacheBehaviors")).hasSize(1);
        assertThat(api.path("PathPattern").asText()).isEqualTo("/dev/*");
        assertThat(api.path("ViewerProtocolPolicy").asText()).isEqualTo("https-only");
        assertThat(api.path("AllowedMethods").toString()).contains("POST", "PUT", "DELETE", "OPTIONS");
        // AWS's managed policies: CachingDisabled, and AllViewerExceptHostHeader (cookies, query strings, headers)
        assertThat(api.path("CachePolicyId").asText()).isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        assertThat(api.path("OriginRequestPolicyId").asText()).isEqualTo("b689b0a8-53d0-40ab-baf2-68738e2966ac");
        JsonNode apiOrigin = null;
        for (JsonNode o : config.path("Origins")) {
            if (o.path("Id").asText().equals(api.path("TargetOriginId").asText())) {
                apiOrigin = o;
            }
        }
        assertThat(apiOrigin).isNotNull();
        assertThat(apiOrigin.path("DomainName").toString()).contains("ApiRestApi", ".execute-api.");
        assertThat(apiOrigin
                        .path("CustomOriginConfig")
                        .path("OriginProtocolPolicy")
                        .asText())
                .isEqualTo("https-only");
        assertThat(apiOrigin.has("OriginPath"))
                .as("the stage path goes through unchanged")
                .isFalse();
        String bucketPolicy = resources("AWS::S3::BucketPolicy").toString();
        assertThat(bucketPolicy).contains("cloudfront.amazonaws.com", "AWS:SourceArn", "s3:GetObject");
    }

    @Test
    void theSiteGetsAConfigJsonNamingTheOneOriginAndTheOutputsNameSiteAndApi() {
        JsonNode deployment = only("Custom::CDKBucketDeployment").path("Properties");
        assertThat(deployment.path("SourceMarkersConfig").toString()).isNotEmpty();
        assertThat(deployment.path("DistributionPaths").toString()).contains("/*");
        assertThat(json.path("Outputs").path("SiteUrl").path("Value").toString())
                .contains("https://", "CdnDistribution");
        assertThat(json.path("Outputs").path("ApiUrl").path("Value").toString()).contains("https://", "/dev");
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }

    private static String policyOf(String roleIdPart) {
        StringBuilder out = new StringBuilder();
        resources("AWS::IAM::Policy").stream()
                .filter(p -> p.path("Properties").path("Roles").toString().contains(roleIdPart))
                .forEach(p -> out.append(p.path("Properties").path("PolicyDocument")));
        return out.toString();
    }

    private static JsonNode function(String name) {
        return resources("AWS::Lambda::Function").stream()
                .map(f -> f.path("Properties"))
                .filter(p -> p.path("FunctionName").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no function " + name));
    }

    private static JsonNode only(String type) {
        List<JsonNode> all = resources(type);
        assertThat(all).as(type).hasSize(1);
        return all.get(0);
    }

    private static List<JsonNode> resources(String type) {
        List<JsonNode> out = new ArrayList<>();
        json.path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals(type)) {
                out.add(r);
            }
        });
        return out;
    }
}
