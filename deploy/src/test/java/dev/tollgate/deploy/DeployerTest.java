package dev.tollgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.stack.StackFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deployer against a loopback endpoint that speaks each AWS service's protocol and records the calls. */
class DeployerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    private FakeAws aws;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        aws = new FakeAws();
        StackFixture.write(repo);
    }

    @AfterEach
    void tearDown() {
        aws.close();
    }

    @Test
    void deployCreatesEveryResourceInDependencyOrder() {
        Deployer.Outputs out = deploy();

        List<String> ops = operations();
        assertThat(ops)
                .containsSubsequence(
                        "sts GetCallerIdentity",
                        "dynamodb CreateTable",
                        "s3 CreateBucket",
                        "s3 PutBucketWebsite",
                        "apigateway CreateRestApi",
                        "iam CreateRole",
                        "lambda CreateFunction",
                        "iam CreateRole",
                        "lambda CreateFunction",
                        "iam CreateRole",
                        "lambda CreateFunction",
                        "appsync CreateGraphqlApi",
                        "appsync StartSchemaCreation",
                        "appsync GetSchemaCreationStatus",
                        "appsync CreateApiKey",
                        "appsync CreateDataSource",
                        "appsync CreateResolver",
                        "appsync CreateResolver",
                        "apigateway PutRestApi",
                        "apigateway GetAuthorizers",
                        "apigateway PutGatewayResponse",
                        "lambda AddPermission",
                        "lambda AddPermission",
                        "apigateway CreateDeployment",
                        "s3 PutObject");
        assertThat(ops.get(ops.size() - 1)).isEqualTo("s3 PutObject");
        assertThat(aws.functions).containsOnlyKeys("tollgate-authorizer", "tollgate-auth-api", "tollgate-resolver");
        assertThat(aws.roles)
                .containsOnlyKeys(
                        "tollgate-authorizer-role",
                        "tollgate-auth-api-role",
                        "tollgate-resolver-role",
                        "tollgate-appsync-datasource-role");
        assertThat(aws.roles.get("tollgate-appsync-datasource-role")).contains("appsync.amazonaws.com");
        assertThat(aws.roles.get("tollgate-resolver-role")).contains("lambda.amazonaws.com");

        String restId = aws.restApis.keySet().iterator().next();
        assertThat(out.api())
                .isEqualTo("http://" + restId + ".execute-api.localhost.localstack.cloud:"
                        + aws.endpoint().getPort() + "/dev");
        assertThat(out.web())
                .startsWith("http://tollgate-web-000000000000-us-east-1.s3-website.localhost.localstack.cloud:");
    }

    @Test
    void theImportedDefinitionHasAnUncachedAuthorizerWithoutIdentitySourceAndEveryMapping() throws IOException {
        Deployer.Outputs out = deploy();
        JsonNode body = JSON.readTree(call("apigateway PutRestApi").body());

        JsonNode authorizer = body.path("components")
                .path("securitySchemes")
                .elements()
                .next()
                .path("x-amazon-apigateway-authorizer");
        assertThat(authorizer.path("type").asText()).isEqualTo("request");
        assertThat(authorizer.path("authorizerResultTtlInSeconds").asInt(-1)).isZero();
        assertThat(authorizer.has("identitySource")).isFalse();
        assertThat(authorizer.path("authorizerUri").asText())
                .isEqualTo("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                        + "functions/arn:aws:lambda:us-east-1:000000000000:function:tollgate-authorizer/invocations");
        assertThat(call("apigateway PutRestApi").query())
                .contains("mode=overwrite")
                .contains("failonwarnings=true");

        JsonNode graphql = body.path("paths").path("/graphql").path("post").path("x-amazon-apigateway-integration");
        String apiKey = aws.apiKeys.values().iterator().next().get(0).path("id").asText();
        assertThat(graphql.path("uri").asText()).isEqualTo(out.appsyncGraphqlUrl());
        assertThat(graphql.path("requestParameters")
                        .path("integration.request.header.x-user-id")
                        .asText())
                .isEqualTo("context.authorizer.principalId");
        assertThat(graphql.path("requestParameters")
                        .path("integration.request.header.x-api-key")
                        .asText())
                .isEqualTo("'" + apiKey + "'");
        assertThat(body.toString()).doesNotContain("${");
        JsonNode authApi = body.path("paths")
                .path("/auth/{proxy+}")
                .path("x-amazon-apigateway-any-method")
                .path("x-amazon-apigateway-integration");
        assertThat(authApi.path("type").asText()).isEqualTo("aws_proxy");
        assertThat(authApi.path("uri").asText()).contains("function:tollgate-auth-api/invocations");
        // the authorizer already had TTL 0, so the explicit fix-up had nothing to change
        assertThat(aws.authorizers
                        .get(aws.restApis.keySet().iterator().next())
                        .get(0)
                        .path("authorizerResultTtlInSeconds")
                        .asInt())
                .isZero();
    }

    @Test
    void everyGatewayResponseIsPutExplicitlyWithItsCorsHeadersAndTemplates() throws IOException {
        Deployer.Outputs out = deploy();
        Map<String, JsonNode> responses = aws.calls().stream()
                .filter(c -> c.operation().equals("PutGatewayResponse"))
                .collect(Collectors.toMap(c -> c.path().substring(c.path().lastIndexOf('/') + 1), c -> read(c.body())));

        assertThat(responses)
                .containsOnlyKeys(
                        "UNAUTHORIZED",
                        "ACCESS_DENIED",
                        "AUTHORIZER_CONFIGURATION_ERROR",
                        "AUTHORIZER_FAILURE",
                        "DEFAULT_4XX",
                        "DEFAULT_5XX");
        responses.values().forEach(r -> {
            assertThat(r.path("responseParameters")
                            .path("gatewayresponse.header.Access-Control-Allow-Origin")
                            .asText())
                    .isEqualTo("'" + out.web() + "'");
            assertThat(r.path("responseParameters")
                            .path("gatewayresponse.header.Access-Control-Allow-Credentials")
                            .asText())
                    .isEqualTo("'true'");
        });
        assertThat(responses.get("UNAUTHORIZED").path("statusCode").asText()).isEqualTo("401");
        assertThat(responses.get("ACCESS_DENIED").path("statusCode").asText()).isEqualTo("403");
        assertThat(responses
                        .get("ACCESS_DENIED")
                        .path("responseTemplates")
                        .path("application/json")
                        .asText())
                .isEqualTo("$context.authorizer.body");
        assertThat(responses
                        .get("ACCESS_DENIED")
                        .path("responseParameters")
                        .path("gatewayresponse.header.Set-Cookie")
                        .asText())
                .isEqualTo("context.authorizer.setCookie");
    }

    @Test
    void apiGatewayMayInvokeTheAuthorizerPerAuthorizerAndTheAuthApiOnItsRoutesOnly() {
        deploy();
        String restId = aws.restApis.keySet().iterator().next();
        JsonNode authorizerGrant =
                read(aws.permissions.get("tollgate-authorizer").get("tollgate-apigateway-invokes-authorizer"));
        JsonNode authApiGrant =
                read(aws.permissions.get("tollgate-auth-api").get("tollgate-apigateway-invokes-auth-api"));

        assertThat(authorizerGrant.path("SourceArn").asText())
                .isEqualTo(
                        "arn:aws:execute-api:us-east-1:000000000000:" + restId + "/authorizers/auth-sessionAuthorizer");
        assertThat(authApiGrant.path("SourceArn").asText())
                .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:" + restId + "/*/*/auth/*");
        for (JsonNode grant : List.of(authorizerGrant, authApiGrant)) {
            assertThat(grant.path("Principal").asText()).isEqualTo("apigateway.amazonaws.com");
            assertThat(grant.path("Action").asText()).isEqualTo("lambda:InvokeFunction");
        }
        assertThat(aws.permissions).doesNotContainKey("tollgate-resolver");
    }

    @Test
    void functionsAreConfiguredByTheSameVariablesAsTheLocalCloud() throws IOException {
        Deployer.Outputs out = deploy();
        JsonNode authorizer =
                aws.functions.get("tollgate-authorizer").path("Environment").path("Variables");
        String apiOrigin = out.api().substring(0, out.api().length() - "/dev".length());

        assertThat(authorizer.path("SUPERTOKENS_CONNECTION_URI").asText()).isEqualTo("http://core.internal:3567");
        assertThat(authorizer.path("API_DOMAIN").asText()).isEqualTo(apiOrigin);
        assertThat(authorizer.path("API_GATEWAY_PATH").asText()).isEqualTo("/dev");
        assertThat(authorizer.path("API_BASE_PATH").asText()).isEqualTo("/auth");
        assertThat(authorizer.path("WEBSITE_DOMAIN").asText()).isEqualTo(out.web());
        assertThat(authorizer.path("REQUIRED_CLAIMS").asText()).isEqualTo("POST /verified/graphql=st-ev");
        assertThat(authorizer.path("SESSION_REQUIRED").asText()).isEqualTo("true");
        assertThat(authorizer.has("COOKIE_SAME_SITE"))
                .as("SameSite follows from the two origins")
                .isFalse();
        JsonNode authApi =
                aws.functions.get("tollgate-auth-api").path("Environment").path("Variables");
        assertThat(authApi.path("EMAIL_SENDER").asText()).isEqualTo("log");
        assertThat(authApi.path("WEBSITE_DOMAIN").asText()).isEqualTo(out.web());
        assertThat(aws.functions
                        .get("tollgate-resolver")
                        .path("Environment")
                        .path("Variables")
                        .path("NOTES_TABLE")
                        .asText())
                .isEqualTo("tollgate-notes");
        assertThat(aws.functions.get("tollgate-authorizer").path("Handler").asText())
                .isEqualTo("dev.tollgate.authorizer.AuthorizerHandler::handleRequest");
        assertThat(aws.functions.get("tollgate-authorizer").path("Runtime").asText())
                .isEqualTo("java21");

        JsonNode config = JSON.readTree(
                aws.buckets.get("tollgate-web-000000000000-us-east-1").get("config.json"));
        assertThat(config.path("apiDomain").asText()).isEqualTo(apiOrigin);
        assertThat(config.path("apiGatewayPath").asText()).isEqualTo("/dev");
        assertThat(config.path("apiBasePath").asText()).isEqualTo("/auth");
        assertThat(config.path("websiteDomain").asText()).isEqualTo(out.web());
        assertThat(aws.buckets.get("tollgate-web-000000000000-us-east-1"))
                .containsKeys("index.html", "app.js", "config.json");
    }

    @Test
    void everyFieldOfResolversYamlGetsADirectLambdaResolverOnTheLambdaDataSource() throws IOException {
        deploy();
        assertThat(aws.resolvers.keySet())
                .extracting(k -> k.substring(k.indexOf('/') + 1))
                .containsExactlyInAnyOrder("Query.me", "Query.notes", "Mutation.addNote", "Mutation.deleteNote");
        aws.resolvers.values().forEach(r -> {
            assertThat(r.path("dataSourceName").asText()).isEqualTo("NotesLambda");
            assertThat(r.path("kind").asText()).isEqualTo("UNIT");
            assertThat(r.has("requestMappingTemplate") || r.has("code")).isFalse();
        });
        JsonNode ds = aws.dataSources.values().iterator().next();
        assertThat(ds.path("type").asText()).isEqualTo("AWS_LAMBDA");
        assertThat(ds.path("lambdaConfig").path("lambdaFunctionArn").asText())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:tollgate-resolver");
        assertThat(ds.path("serviceRoleArn").asText())
                .isEqualTo("arn:aws:iam::000000000000:role/tollgate-appsync-datasource-role");
        String schema = call("appsync StartSchemaCreation").body();
        assertThat(JSON.readTree(schema).path("definition").asText()).isNotEmpty();
        assertThat(aws.tables.get("tollgate-notes").path("KeySchema").toString())
                .contains("userId")
                .contains("noteId");
    }

    @Test
    void withASenderAddressTheAuthApiSendsThroughSesAndMayDoNothingElse() {
        DeploySettings ses = DeploySettings.parse(
                List.of(
                        "deploy",
                        "--target",
                        "localstack",
                        "--endpoint",
                        aws.endpoint().toString(),
                        "--supertokens-uri",
                        "http://core.internal:3567",
                        "--email-from",
                        "noreply@example.com",
                        "--repo-root",
                        repo.toString()),
                Map.of());
        new Deployer(
                        ses,
                        AwsClients.create(ses),
                        new Progress(new PrintStream(log, true, StandardCharsets.UTF_8)),
                        Duration.ZERO,
                        Clock.systemUTC())
                .deploy();
        JsonNode env =
                aws.functions.get("tollgate-auth-api").path("Environment").path("Variables");
        assertThat(env.path("EMAIL_SENDER").asText()).isEqualTo("ses");
        assertThat(env.path("EMAIL_FROM").asText()).isEqualTo("noreply@example.com");
        String policy = aws.calls().stream()
                .filter(c -> c.operation().equals("PutRolePolicy") && c.body().contains("auth-api-role"))
                .map(FakeAws.Call::body)
                .findFirst()
                .orElseThrow();
        assertThat(java.net.URLDecoder.decode(policy, StandardCharsets.UTF_8))
                .contains("\"ses:SendEmail\"")
                .contains("\"ses:FromAddress\":\"noreply@example.com\"");
    }

    @Test
    void aSecondRunUpdatesInPlaceAndCreatesNothingNew() {
        Deployer.Outputs first = deploy();
        aws.clearCalls();
        Deployer.Outputs second = deploy();

        assertThat(second).isEqualTo(first);
        assertThat(operations())
                .filteredOn(op -> op.contains(" Create"))
                .containsExactly("apigateway CreateDeployment");
        assertThat(operations())
                .contains(
                        "lambda UpdateFunctionCode",
                        "lambda UpdateFunctionConfiguration",
                        "appsync UpdateDataSource",
                        "appsync UpdateResolver",
                        "lambda RemovePermission",
                        "apigateway PutRestApi");
        assertThat(aws.restApis).hasSize(1);
        assertThat(aws.graphqlApis).hasSize(1);
        assertThat(aws.apiKeys.values().iterator().next()).hasSize(1);
        assertThat(aws.permissions.get("tollgate-authorizer")).hasSize(1);
    }

    @Test
    void destroyRemovesEverythingItMadeAndIsItselfRepeatable() {
        deploy();
        newDeployer().destroy();

        assertThat(aws.functions).isEmpty();
        assertThat(aws.roles).isEmpty();
        assertThat(aws.tables).isEmpty();
        assertThat(aws.graphqlApis).isEmpty();
        assertThat(aws.restApis).isEmpty();
        assertThat(aws.buckets).isEmpty();

        Progress again = new Progress(new PrintStream(log, true, StandardCharsets.UTF_8));
        new Deployer(settings(), AwsClients.create(settings()), again, Duration.ZERO, Clock.systemUTC()).destroy();
        assertThat(again.entries()).allSatisfy(e -> assertThat(e.outcome()).isEqualTo(Progress.Outcome.ABSENT));
    }

    @Test
    void aRunThatFailsHalfWayReportsWhatExistsAndCanBeRunAgain() throws IOException {
        aws.failOn("StartSchemaCreation");
        Progress progress = new Progress(new PrintStream(log, true, StandardCharsets.UTF_8));
        Deployer deployer =
                new Deployer(settings(), AwsClients.create(settings()), progress, Duration.ZERO, Clock.systemUTC());

        Progress.StepFailed failed =
                org.junit.jupiter.api.Assertions.assertThrows(Progress.StepFailed.class, deployer::deploy);
        JsonNode report = JSON.readTree(progress.failureReport(failed));
        assertThat(report.path("event").asText()).isEqualTo("deploy-failed");
        assertThat(report.path("step").asText()).isEqualTo("appsync api tollgate-graphql");
        assertThat(report.path("error").asText()).contains("injected failure");
        assertThat(report.path("done").findValuesAsText("name"))
                .contains(
                        "tollgate-notes",
                        "tollgate-api",
                        "tollgate-authorizer",
                        "tollgate-auth-api",
                        "tollgate-resolver");
        assertThat(aws.restApis.values().iterator().next().has("definition")).isFalse();

        aws.failOn(null);
        aws.clearCalls();
        deploy();
        assertThat(operations())
                .doesNotContain(
                        "lambda CreateFunction",
                        "dynamodb CreateTable",
                        "apigateway CreateRestApi",
                        "appsync CreateGraphqlApi")
                .contains("appsync StartSchemaCreation", "appsync CreateApiKey", "apigateway PutRestApi");
    }

    @Test
    void brokenLocalInputsStopTheRunBeforeAnyCloudCall() throws IOException {
        Files.writeString(
                repo.resolve(StackFiles.RESOLVERS),
                "dataSources:\n  - {name: Notes, type: AWS_LAMBDA, function: tollgate-resolver}\n"
                        + "resolvers:\n  - {type: Query, field: me, dataSource: Missing}\n");
        assertThatThrownBy(this::deploy)
                .isInstanceOf(DeployException.class)
                .hasMessageContaining("names data source Missing, which dataSources does not define");
        assertThat(aws.calls()).isEmpty();
    }

    @Test
    void aMissingJarIsNamed() throws IOException {
        Files.delete(repo.resolve("auth-api/target/auth-api-lambda.jar"));
        Progress progress = new Progress(new PrintStream(log, true, StandardCharsets.UTF_8));
        Deployer deployer =
                new Deployer(settings(), AwsClients.create(settings()), progress, Duration.ZERO, Clock.systemUTC());
        assertThatThrownBy(deployer::deploy)
                .hasMessageContaining("missing function jar")
                .hasMessageContaining("auth-api-lambda.jar");
    }

    private Deployer.Outputs deploy() {
        return newDeployer().deploy();
    }

    private Deployer newDeployer() {
        Progress progress = new Progress(new PrintStream(log, true, StandardCharsets.UTF_8));
        return new Deployer(settings(), AwsClients.create(settings()), progress, Duration.ZERO, Clock.systemUTC());
    }

    private DeploySettings settings() {
        return DeploySettings.parse(
                List.of(
                        "deploy",
                        "--target",
                        "localstack",
                        "--endpoint",
                        aws.endpoint().toString(),
                        "--supertokens-uri",
                        "http://core.internal:3567",
                        "--repo-root",
                        repo.toString()),
                Map.of());
    }

    private List<String> operations() {
        return aws.calls().stream().map(c -> c.service() + " " + c.operation()).toList();
    }

    private FakeAws.Call call(String op) {
        return aws.calls().stream()
                .filter(c -> (c.service() + " " + c.operation()).equals(op))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
