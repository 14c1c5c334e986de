package dev.tollgate.localstack.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.localstack.api.ApiDefinition;
import dev.tollgate.localstack.api.ApiDefinitionException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.apigateway.model.Authorizer;

/**
 * Creates or updates the whole stack, or removes it. Every step finds its resource by name first, so
 * a second run updates in place and a run that failed half-way can simply be run again.
 */
public final class Deployer {

    /** Where a deployed stack answers. */
    public record Outputs(String web, String api, String appsyncGraphqlUrl) {}

    static final Path OPENAPI = Path.of("localstack/src/main/resources/api/openapi.yaml");
    static final Path APPSYNC = Path.of("appsync-integration/src/main/resources/appsync");
    static final Path SITE = Path.of("demo-web/target/site");
    static final String API_BASE_PATH = "/auth";
    /** The one route of the demo that needs a verified email (see the authorizer's README). */
    static final String REQUIRED_CLAIMS = "POST /verified/graphql=st-ev";

    private final DeploySettings settings;
    private final AwsClients aws;
    private final Progress progress;
    private final Duration pause;
    private final Clock clock;

    Deployer(DeploySettings settings, AwsClients aws, Progress progress, Duration pause, Clock clock) {
        this.settings = settings;
        this.aws = aws;
        this.progress = progress;
        this.pause = pause;
        this.clock = clock;
    }

    /**
     * Deploys with the real SDK clients: the entry point for tools and tests outside this package (the
     * LocalStack end-to-end run). Progress lines go to {@code log}.
     *
     * @throws DeployException when a local input is broken (nothing was touched) or a step failed (the
     *                         message carries the JSON report of what exists)
     */
    public static Outputs deploy(DeploySettings settings, java.io.PrintStream log) {
        Progress progress = new Progress(log);
        try (AwsClients aws = AwsClients.create(settings)) {
            return new Deployer(settings, aws, progress, Duration.ofSeconds(1), Clock.systemUTC()).deploy();
        } catch (Progress.StepFailed failed) {
            throw new DeployException(progress.failureReport(failed), failed);
        }
    }

    Outputs deploy() {
        Path root = settings.repoRoot();
        // Read every local input before touching the cloud: a typo must not leave half a stack behind.
        AppSyncDefinition appSyncDefinition = AppSyncDefinition.load(root.resolve(APPSYNC));
        var tableDefinition = NotesTable.definition(root.resolve(APPSYNC).resolve("notes-table.json"));
        checkOpenApiReadable(root);

        String account = aws.sts().getCallerIdentity().account();
        StackNames names = new StackNames(settings.prefix(), account, settings.region());
        IamRoles roles = new IamRoles(aws.iam());
        LambdaFunctions lambdas = new LambdaFunctions(aws.lambda(), pause.multipliedBy(6));
        RestApiSteps restApi = new RestApiSteps(aws.apiGateway());
        WebsiteBucket bucket = new WebsiteBucket(aws.s3());
        GraphqlApiSteps graphql = new GraphqlApiSteps(aws.appSync(), pause, clock);

        String table = names.notesTable();
        progress.step("dynamodb table", table, () -> new NotesTable(aws.dynamoDb())
                .ensure(tableDefinition.toBuilder().tableName(table).build()));
        progress.step("s3 website bucket", names.websiteBucket(), () -> bucket.ensure(names.websiteBucket(), settings.region()));
        String restApiId = progress.step("rest api", names.restApi(), () -> restApi.ensureShell(names.restApi()));

        String apiOrigin = apiOrigin(restApiId);
        String webOrigin = websiteOrigin(names.websiteBucket());
        Map<String, String> functionArns = new LinkedHashMap<>();
        for (StackFunction function : functions(names, apiOrigin, webOrigin)) {
            String name = names.function(function.logicalName());
            String roleArn = progress.step("iam role", names.functionRole(function.logicalName()), () -> roles.ensure(
                    names.functionRole(function.logicalName()), "lambda.amazonaws.com", function.managedPolicies(),
                    function.inlinePolicy()));
            functionArns.put(function.logicalName(), progress.step("lambda function", name,
                    () -> lambdas.ensure(name, function, root, settings.lambdaRuntime(), roleArn)));
        }

        GraphqlApiSteps.Endpoint appsync = progress.step("appsync api", names.graphqlApi(),
                () -> graphql.ensureApi(names.graphqlApi(), appSyncDefinition.schema()));
        for (AppSyncDefinition.DataSource ds : appSyncDefinition.dataSources()) {
            String functionArn = functionArns.get(ds.functionLogicalName());
            if (functionArn == null) {
                throw new DeployException("resolvers.yaml: data source " + ds.name() + " names function "
                        + ds.functionLogicalName() + ", which the stack does not deploy");
            }
            String roleArn = progress.step("iam role", names.appSyncDataSourceRole(), () -> roles.ensure(
                    names.appSyncDataSourceRole(), "appsync.amazonaws.com", List.of(), invokePolicy(functionArn)));
            progress.step("appsync data source", ds.name(),
                    () -> graphql.ensureLambdaDataSource(appsync.apiId(), ds.name(), functionArn, roleArn));
        }
        for (AppSyncDefinition.Resolver r : appSyncDefinition.resolvers()) {
            progress.step("appsync resolver", r.typeName() + "." + r.fieldName(), () -> graphql.ensureResolver(appsync.apiId(), r));
        }

        ApiDefinition definition = ApiDefinition.load(root.resolve(OPENAPI), Map.of(
                "AwsRegion", settings.region(),
                "AuthorizerFunctionArn", functionArns.get(StackFunction.AUTHORIZER),
                "AuthApiFunctionArn", functionArns.get(StackFunction.AUTH_API),
                "AppSyncGraphqlUrl", appsync.graphqlUrl(),
                "AppSyncApiKey", appsync.apiKey(),
                "WebsiteOrigin", webOrigin));
        progress.step("rest api definition", names.restApi(), () -> restApi.importDefinition(restApiId, definition));
        List<Authorizer> authorizers = progress.step("rest api authorizers", "ttl 0",
                () -> restApi.ensureAuthorizersUncached(restApiId));
        progress.step("rest api gateway responses", names.restApi(), () -> restApi.putGatewayResponses(restApiId, definition));

        String executeApi = "arn:aws:execute-api:" + settings.region() + ":" + account + ":" + restApiId;
        for (Authorizer authorizer : authorizers) {
            progress.step("lambda permission", names.permissionStatement(StackFunction.AUTHORIZER), () -> lambdas.allowApiGateway(
                    names.function(StackFunction.AUTHORIZER), names.permissionStatement(StackFunction.AUTHORIZER),
                    executeApi + "/authorizers/" + authorizer.id()));
        }
        progress.step("lambda permission", names.permissionStatement(StackFunction.AUTH_API), () -> lambdas.allowApiGateway(
                names.function(StackFunction.AUTH_API), names.permissionStatement(StackFunction.AUTH_API),
                executeApi + "/*/*" + API_BASE_PATH + "/*"));
        progress.step("rest api deployment", settings.stage(), () -> restApi.deploy(restApiId, settings.stage()));

        String stageUrl = apiOrigin + "/" + settings.stage();
        String configJson = siteConfig(apiOrigin, webOrigin);
        progress.step("website content", names.websiteBucket(), () -> bucket.upload(names.websiteBucket(), root.resolve(SITE), configJson));
        return new Outputs(webOrigin, stageUrl, appsync.graphqlUrl());
    }

    void destroy() {
        String account = aws.sts().getCallerIdentity().account();
        StackNames names = new StackNames(settings.prefix(), account, settings.region());
        IamRoles roles = new IamRoles(aws.iam());
        LambdaFunctions lambdas = new LambdaFunctions(aws.lambda(), pause);
        progress.step("rest api", names.restApi(), () -> new RestApiSteps(aws.apiGateway()).remove(names.restApi()));
        progress.step("appsync api", names.graphqlApi(), () -> new GraphqlApiSteps(aws.appSync(), pause, clock).remove(names.graphqlApi()));
        for (StackFunction function : functions(names, "", "")) {
            progress.step("lambda function", names.function(function.logicalName()),
                    () -> lambdas.remove(names.function(function.logicalName())));
            progress.step("iam role", names.functionRole(function.logicalName()),
                    () -> roles.remove(names.functionRole(function.logicalName()), function.managedPolicies()));
        }
        progress.step("iam role", names.appSyncDataSourceRole(), () -> roles.remove(names.appSyncDataSourceRole(), List.of()));
        progress.step("dynamodb table", names.notesTable(), () -> new NotesTable(aws.dynamoDb()).remove(names.notesTable()));
        progress.step("s3 website bucket", names.websiteBucket(), () -> new WebsiteBucket(aws.s3()).remove(names.websiteBucket()));
    }

    /** The three functions, configured by the same variables the local cloud sets. */
    List<StackFunction> functions(StackNames names, String apiOrigin, String webOrigin) {
        boolean aws = settings.target() == DeploySettings.Target.AWS;
        Map<String, String> session = new LinkedHashMap<>();
        session.put("SUPERTOKENS_CONNECTION_URI", settings.coreUri());
        if (!settings.coreApiKey().isEmpty()) {
            session.put("SUPERTOKENS_API_KEY", settings.coreApiKey());
        }
        session.put("API_DOMAIN", apiOrigin);
        session.put("API_GATEWAY_PATH", "/" + settings.stage());
        session.put("API_BASE_PATH", API_BASE_PATH);
        session.put("WEBSITE_DOMAIN", webOrigin);
        // On AWS the site (S3) and the API (execute-api) are different sites: cookies must be SameSite=None; Secure.
        session.put("COOKIE_SAME_SITE", aws ? "none" : "lax");
        session.put("COOKIE_SECURE", aws ? "true" : "false");

        Map<String, String> authorizerEnv = new LinkedHashMap<>(session);
        authorizerEnv.put("REQUIRED_CLAIMS", REQUIRED_CLAIMS);
        Map<String, String> authApiEnv = new LinkedHashMap<>(session);
        authApiEnv.put("EMAIL_SENDER", "log");
        String tableArn = "arn:aws:dynamodb:" + settings.region() + ":" + names.accountId() + ":table/" + names.notesTable();
        return List.of(
                new StackFunction(StackFunction.AUTHORIZER, Path.of("authorizer/target/authorizer-lambda.jar"),
                        "dev.tollgate.authorizer.AuthorizerHandler::handleRequest", 1024, 10,
                        List.of(StackFunction.BASIC_EXECUTION), "", Map.copyOf(authorizerEnv)),
                new StackFunction(StackFunction.AUTH_API, Path.of("auth-api/target/auth-api-lambda.jar"),
                        "dev.tollgate.authapi.AuthApiHandler::handleRequest", 1024, 15,
                        List.of(StackFunction.BASIC_EXECUTION), "", Map.copyOf(authApiEnv)),
                new StackFunction(StackFunction.RESOLVER, Path.of("appsync-integration/target/appsync-integration-lambda.jar"),
                        "dev.tollgate.appsync.ResolverHandler::handleRequest", 1024, 15,
                        List.of(StackFunction.BASIC_EXECUTION),
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\","
                                + "\"dynamodb:PutItem\",\"dynamodb:DeleteItem\",\"dynamodb:Query\"],\"Resource\":\"" + tableArn + "\"}]}",
                        Map.of("NOTES_TABLE", names.notesTable())));
    }

    String apiOrigin(String restApiId) {
        return settings.endpoint()
                .filter(e -> settings.target() == DeploySettings.Target.LOCALSTACK)
                .map(e -> e.getScheme() + "://" + restApiId + ".execute-api.localhost.localstack.cloud" + port(e))
                .orElse("https://" + restApiId + ".execute-api." + settings.region() + ".amazonaws.com");
    }

    String websiteOrigin(String bucket) {
        if (settings.target() == DeploySettings.Target.LOCALSTACK) {
            URI e = settings.endpoint().orElseThrow();
            return "http://" + bucket + ".s3-website.localhost.localstack.cloud" + port(e);
        }
        // The older regions name website endpoints with a dash, the newer ones with a dot.
        String separator = LEGACY_WEBSITE_REGIONS.contains(settings.region()) ? "-" : ".";
        return "http://" + bucket + ".s3-website" + separator + settings.region() + ".amazonaws.com";
    }

    private static final List<String> LEGACY_WEBSITE_REGIONS = List.of("us-east-1", "us-west-1", "us-west-2",
            "eu-west-1", "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "sa-east-1", "us-gov-west-1");

    private static String port(URI endpoint) {
        return endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
    }

    private String siteConfig(String apiOrigin, String webOrigin) {
        var node = new ObjectMapper().createObjectNode();
        node.put("apiDomain", apiOrigin);
        node.put("apiGatewayPath", "/" + settings.stage());
        node.put("apiBasePath", API_BASE_PATH);
        node.put("websiteDomain", webOrigin);
        node.putNull("mailboxUrl");
        return node.toString();
    }

    private static String invokePolicy(String functionArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"lambda:InvokeFunction\","
                + "\"Resource\":\"" + functionArn + "\"}]}";
    }

    /** Loads openapi.yaml once with dummy values, so a broken file fails before anything is created. */
    private static void checkOpenApiReadable(Path root) {
        try {
            ApiDefinition.load(root.resolve(OPENAPI), Map.of("AwsRegion", "us-east-1",
                    "AuthorizerFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:x",
                    "AuthApiFunctionArn", "arn:aws:lambda:us-east-1:000000000000:function:y",
                    "AppSyncGraphqlUrl", "https://example.invalid/graphql", "AppSyncApiKey", "k",
                    "WebsiteOrigin", "https://example.invalid"));
        } catch (ApiDefinitionException e) {
            throw new DeployException(e.getMessage());
        }
    }
}
