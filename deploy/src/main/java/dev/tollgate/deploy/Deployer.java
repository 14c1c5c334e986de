package dev.tollgate.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.stack.ApiDefinition;
import dev.tollgate.stack.ApiDefinitionException;
import dev.tollgate.stack.AppSyncDefinition;
import dev.tollgate.stack.StackFiles;
import dev.tollgate.stack.StackFunctions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.model.Authorizer;

/**
 * Creates or updates the whole stack, or removes it. Every step finds its resource by name first, so
 * a second run updates in place and a run that failed half-way can simply be run again.
 */
public final class Deployer {

    /** Where a deployed stack answers. */
    public record Outputs(String web, String api, String appsyncGraphqlUrl) {}

    static final Path OPENAPI = StackFiles.OPENAPI;
    static final Path SITE = StackFiles.SITE;
    static final String API_BASE_PATH = StackFunctions.AUTH_BASE_PATH;

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
        AppSyncDefinition appSyncDefinition = appSyncDefinition(root);
        var tableDefinition = NotesTable.definition(root.resolve(StackFiles.NOTES_TABLE));
        checkOpenApiReadable(root);

        String account = aws.sts().getCallerIdentity().account();
        StackNames names = new StackNames(settings.prefix(), account, settings.region());
        IamRoles roles = new IamRoles(aws.iam());
        LambdaFunctions lambdas = new LambdaFunctions(aws.lambda(), pause.multipliedBy(6));
        RestApiSteps restApi = new RestApiSteps(aws.apiGateway());
        WebsiteBucket bucket = new WebsiteBucket(aws.s3());
        GraphqlApiSteps graphql = new GraphqlApiSteps(aws.appSync(), pause, clock);

        String table = names.notesTable();
        progress.step(
                "dynamodb table",
                table,
                () -> new NotesTable(aws.dynamoDb())
                        .ensure(tableDefinition.toBuilder().tableName(table).build()));
        progress.step(
                "s3 website bucket",
                names.websiteBucket(),
                () -> bucket.ensure(names.websiteBucket(), settings.region()));
        String restApiId = progress.step("rest api", names.restApi(), () -> restApi.ensureShell(names.restApi()));

        String apiOrigin = apiOrigin(restApiId);
        String webOrigin = websiteOrigin(names.websiteBucket());
        Map<String, String> functionArns = new LinkedHashMap<>();
        String tableArn = notesTableArn(names);
        for (StackFunctions.Function function : functions(names, apiOrigin, webOrigin)) {
            String name = names.function(function.logicalName());
            FunctionPermissions permissions = permissions(function.logicalName(), tableArn);
            String roleArn = progress.step(
                    "iam role",
                    names.functionRole(function.logicalName()),
                    () -> roles.ensure(
                            names.functionRole(function.logicalName()),
                            "lambda.amazonaws.com",
                            permissions.managedPolicies(),
                            permissions.inlinePolicy()));
            functionArns.put(
                    function.logicalName(),
                    progress.step(
                            "lambda function",
                            name,
                            () -> lambdas.ensure(name, function, root, settings.lambdaRuntime(), roleArn)));
        }

        GraphqlApiSteps.Endpoint appsync = progress.step(
                "appsync api",
                names.graphqlApi(),
                () -> graphql.ensureApi(names.graphqlApi(), appSyncDefinition.schema()));
        for (AppSyncDefinition.DataSource ds : appSyncDefinition.dataSources()) {
            String functionArn = functionArns.get(logicalName(ds));
            if (functionArn == null) {
                throw new DeployException("resolvers.yaml: data source " + ds.name() + " names function "
                        + logicalName(ds) + ", which the stack does not deploy");
            }
            String roleArn = progress.step(
                    "iam role",
                    names.appSyncDataSourceRole(),
                    () -> roles.ensure(
                            names.appSyncDataSourceRole(),
                            "appsync.amazonaws.com",
                            List.of(),
                            invokePolicy(functionArn)));
            progress.step(
                    "appsync data source",
                    ds.name(),
                    () -> graphql.ensureLambdaDataSource(appsync.apiId(), ds.name(), functionArn, roleArn));
        }
        for (AppSyncDefinition.Resolver r : appSyncDefinition.resolvers()) {
            progress.step(
                    "appsync resolver", r.type() + "." + r.field(), () -> graphql.ensureResolver(appsync.apiId(), r));
        }

        ApiDefinition definition = ApiDefinition.load(
                root.resolve(OPENAPI),
                Map.of(
                        "AwsRegion", settings.region(),
                        "AuthorizerFunctionArn", functionArns.get(StackFunctions.AUTHORIZER),
                        "AuthApiFunctionArn", functionArns.get(StackFunctions.AUTH_API),
                        "AppSyncGraphqlUrl", appsync.graphqlUrl(),
                        "AppSyncApiKey", appsync.apiKey(),
                        "WebsiteOrigin", webOrigin));
        progress.step("rest api definition", names.restApi(), () -> restApi.importDefinition(restApiId, definition));
        List<Authorizer> authorizers =
                progress.step("rest api authorizers", "ttl 0", () -> restApi.ensureAuthorizersUncached(restApiId));
        progress.step(
                "rest api gateway responses",
                names.restApi(),
                () -> restApi.putGatewayResponses(restApiId, definition));

        String executeApi = "arn:aws:execute-api:" + settings.region() + ":" + account + ":" + restApiId;
        for (Authorizer authorizer : authorizers) {
            progress.step(
                    "lambda permission",
                    names.permissionStatement(StackFunctions.AUTHORIZER),
                    () -> lambdas.allowApiGateway(
                            names.function(StackFunctions.AUTHORIZER),
                            names.permissionStatement(StackFunctions.AUTHORIZER),
                            executeApi + "/authorizers/" + authorizer.id()));
        }
        progress.step(
                "lambda permission",
                names.permissionStatement(StackFunctions.AUTH_API),
                () -> lambdas.allowApiGateway(
                        names.function(StackFunctions.AUTH_API),
                        names.permissionStatement(StackFunctions.AUTH_API),
                        executeApi + "/*/*" + API_BASE_PATH + "/*"));
        progress.step("rest api deployment", settings.stage(), () -> restApi.deploy(restApiId, settings.stage()));

        String stageUrl = apiOrigin + "/" + settings.stage();
        String configJson = siteConfig(apiOrigin, webOrigin);
        progress.step(
                "website content",
                names.websiteBucket(),
                () -> bucket.upload(names.websiteBucket(), root.resolve(SITE), configJson));
        return new Outputs(webOrigin, stageUrl, appsync.graphqlUrl());
    }

    void destroy() {
        String account = aws.sts().getCallerIdentity().account();
        StackNames names = new StackNames(settings.prefix(), account, settings.region());
        IamRoles roles = new IamRoles(aws.iam());
        LambdaFunctions lambdas = new LambdaFunctions(aws.lambda(), pause);
        progress.step("rest api", names.restApi(), () -> new RestApiSteps(aws.apiGateway()).remove(names.restApi()));
        progress.step(
                "appsync api",
                names.graphqlApi(),
                () -> new GraphqlApiSteps(aws.appSync(), pause, clock).remove(names.graphqlApi()));
        for (StackFunctions.Function function : functions(names, "", "")) {
            progress.step(
                    "lambda function",
                    names.function(function.logicalName()),
                    () -> lambdas.remove(names.function(function.logicalName())));
            progress.step(
                    "iam role",
                    names.functionRole(function.logicalName()),
                    () -> roles.remove(
                            names.functionRole(function.logicalName()),
                            permissions(function.logicalName(), "").managedPolicies()));
        }
        progress.step(
                "iam role",
                names.appSyncDataSourceRole(),
                () -> roles.remove(names.appSyncDataSourceRole(), List.of()));
        progress.step(
                "dynamodb table", names.notesTable(), () -> new NotesTable(aws.dynamoDb()).remove(names.notesTable()));
        progress.step(
                "s3 website bucket",
                names.websiteBucket(),
                () -> new WebsiteBucket(aws.s3()).remove(names.websiteBucket()));
    }

    /** The stack's functions ({@link StackFunctions}, the definition the local cloud runs too), wired for AWS. */
    List<StackFunctions.Function> functions(StackNames names, String apiOrigin, String webOrigin) {
        var wiring = new StackFunctions.Wiring(
                settings.coreUri(),
                settings.coreApiKey().isEmpty() ? Optional.empty() : Optional.of(settings.coreApiKey()),
                apiOrigin,
                settings.stage(),
                webOrigin,
                email(),
                names.notesTable(),
                Optional.empty());
        return StackFunctions.of(wiring);
    }

    private String notesTableArn(StackNames names) {
        return "arn:aws:dynamodb:" + settings.region() + ":" + names.accountId() + ":table/" + names.notesTable();
    }

    /** The IAM permissions a function needs on AWS and nothing more. */
    FunctionPermissions permissions(String logicalName, String tableArn) {
        return new FunctionPermissions(
                List.of(FunctionPermissions.BASIC_EXECUTION), inlinePolicy(logicalName, tableArn));
    }

    /** SES when a sender is given; otherwise the links only reach the function's log (development only). */
    private StackFunctions.Email email() {
        return settings.emailFrom().isEmpty()
                ? new StackFunctions.Email.Log()
                : new StackFunctions.Email.Ses(settings.emailFrom());
    }

    private String inlinePolicy(String logicalName, String tableArn) {
        if (logicalName.equals(StackFunctions.RESOLVER)) {
            return notesTablePolicy(tableArn);
        }
        if (logicalName.equals(StackFunctions.AUTH_API) && !settings.emailFrom().isEmpty()) {
            return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ses:SendEmail\","
                    + "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"ses:FromAddress\":\""
                    + settings.emailFrom() + "\"}}}]}";
        }
        return "";
    }

    private static String notesTablePolicy(String tableArn) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:GetItem\","
                + "\"dynamodb:PutItem\",\"dynamodb:DeleteItem\",\"dynamodb:Query\"],\"Resource\":\"" + tableArn
                + "\"}]}";
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

    private static final List<String> LEGACY_WEBSITE_REGIONS = List.of(
            "us-east-1",
            "us-west-1",
            "us-west-2",
            "eu-west-1",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-northeast-1",
            "sa-east-1",
            "us-gov-west-1");

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
            ApiDefinition.load(
                    root.resolve(OPENAPI),
                    Map.of(
                            "AwsRegion",
                            "us-east-1",
                            "AuthorizerFunctionArn",
                            "arn:aws:lambda:us-east-1:000000000000:function:x",
                            "AuthApiFunctionArn",
                            "arn:aws:lambda:us-east-1:000000000000:function:y",
                            "AppSyncGraphqlUrl",
                            "https://example.invalid/graphql",
                            "AppSyncApiKey",
                            "k",
                            "WebsiteOrigin",
                            "https://example.invalid"));
        } catch (ApiDefinitionException e) {
            throw new DeployException(e.getMessage());
        }
    }

    /** Functions in {@code resolvers.yaml} carry their local names; the deployer re-prefixes them. */
    static final String LOCAL_FUNCTION_PREFIX = "tollgate-";

    /** The AppSync definition, with what the deployer supports checked: Lambda data sources, local names. */
    private static AppSyncDefinition appSyncDefinition(Path root) {
        Path resolversFile = root.resolve(StackFiles.RESOLVERS);
        AppSyncDefinition definition;
        try {
            definition = AppSyncDefinition.load(root.resolve(StackFiles.SCHEMA), resolversFile);
        } catch (ApiDefinitionException e) {
            throw new DeployException(e.getMessage());
        }
        if (definition.dataSources().isEmpty() || definition.resolvers().isEmpty()) {
            throw new DeployException(resolversFile + ": dataSources and resolvers must be non-empty lists");
        }
        for (AppSyncDefinition.DataSource ds : definition.dataSources()) {
            if (!"AWS_LAMBDA".equals(ds.type())) {
                throw new DeployException(
                        resolversFile + ": data source type " + ds.type() + " is not supported (only AWS_LAMBDA)");
            }
            if (!ds.function().startsWith(LOCAL_FUNCTION_PREFIX)) {
                throw new DeployException(resolversFile + ": function " + ds.function() + " does not start with "
                        + LOCAL_FUNCTION_PREFIX);
            }
        }
        return definition;
    }

    private static String logicalName(AppSyncDefinition.DataSource ds) {
        return ds.function().substring(LOCAL_FUNCTION_PREFIX.length());
    }
}
