package dev.tollgate.infra;

import dev.tollgate.stack.StackFiles;
import dev.tollgate.stack.StackFunctions;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.SecretsManagerSecretOptions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Architecture;
import software.constructs.Construct;

/**
 * The whole deployment, built from the stack's one definition: the functions and their environment
 * from {@link StackFunctions}, the REST API from {@code openapi.yaml}, the GraphQL API from
 * {@code schema.graphql} and {@code resolvers.yaml}, the table from {@code notes-table.json}.
 */
public final class TollgateStack extends Stack {

    /** The API Gateway stage; CloudFront routes {@code /dev/*} to it. */
    public static final String STAGE = "dev";
    /**
     * The REST API's CORS headers when site and API share the CloudFront origin: the browser sends no
     * cross-origin request, and the distribution's own domain cannot be named (the distribution depends
     * on the API), so the headers name a reserved domain that matches no caller.
     */
    public static final String NO_CROSS_ORIGIN = "https://no-cross-origin.invalid";

    public TollgateStack(Construct scope, String id, StackProps props, InfraSettings settings) {
        super(scope, id, props);
        boolean aws = settings.target() == InfraSettings.Target.AWS;

        CfnParameter coreSecret = CfnParameter.Builder.create(this, "CoreSecretName")
                .type("String")
                .allowedPattern("[A-Za-z0-9/_+=.@-]{1,512}")
                .description("Secrets Manager secret (JSON: connectionUri, apiKey) naming the SuperTokens core;"
                        + " CloudFormation resolves it at deploy time, the template holds only its name")
                .build();
        Optional<CfnParameter> sender = aws
                ? Optional.of(CfnParameter.Builder.create(this, "SenderAddress")
                        .type("String")
                        .allowedPattern("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
                        .description("SES-verified address the auth API sends verification emails from")
                        .build())
                : Optional.empty();

        NotesTable notes = new NotesTable(
                this, "Notes", NotesTableDefinition.load(settings.repoRoot().resolve(StackFiles.NOTES_TABLE)));
        Site site = new Site(this, "Site", settings);
        StackApi api = new StackApi(this, "Api", getStackName() + "-api");

        String apiOrigin;
        String webOrigin;
        String corsOrigin;
        Optional<Cdn> cdn = Optional.empty();
        if (aws) {
            Cdn distribution = new Cdn(this, "Cdn", site.bucket(), api.executeApiDomain(), STAGE);
            cdn = Optional.of(distribution);
            apiOrigin = "https://" + distribution.domainName();
            webOrigin = apiOrigin;
            corsOrigin = settings.siteOrigin().orElse(NO_CROSS_ORIGIN);
        } else {
            apiOrigin = "http://" + api.restApiId() + ".execute-api." + settings.localStackEdge();
            webOrigin = site.localStackOrigin();
            corsOrigin = webOrigin;
        }

        StackFunctions.Email email = sender.<StackFunctions.Email>map(
                        p -> new StackFunctions.Email.Ses(p.getValueAsString()))
                .orElseGet(StackFunctions.Email.Log::new);
        String secretName = coreSecret.getValueAsString();
        StackFunctions.Wiring wiring = new StackFunctions.Wiring(
                secretField(secretName, "connectionUri"),
                settings.coreHasApiKey() ? Optional.of(secretField(secretName, "apiKey")) : Optional.empty(),
                apiOrigin,
                STAGE,
                webOrigin,
                email,
                notes.tableName(),
                Optional.empty());

        Architecture architecture =
                settings.architecture() == InfraSettings.Arch.ARM64 ? Architecture.ARM_64 : Architecture.X86_64;
        Map<String, StackFunction> functions = new LinkedHashMap<>();
        for (StackFunctions.Function definition : StackFunctions.of(wiring)) {
            String name = getStackName() + "-" + definition.logicalName();
            // SnapStart where the function primes itself for the snapshot (the authorizer's CRaC hooks):
            // it is the one function on every API call's path.
            boolean snapStart = definition.logicalName().equals(StackFunctions.AUTHORIZER);
            functions.put(
                    definition.logicalName(),
                    new StackFunction(
                            this,
                            idOf(definition.logicalName()),
                            name,
                            definition,
                            settings.repoRoot(),
                            architecture,
                            snapStart));
        }
        StackFunction authorizer = functions.get(StackFunctions.AUTHORIZER);
        StackFunction authApi = functions.get(StackFunctions.AUTH_API);
        StackFunction resolver = functions.get(StackFunctions.RESOLVER);

        notes.allowNotesAccess(resolver);
        sender.ifPresent(p -> authApi.allow(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendEmail", "ses:SendRawEmail"))
                .resources(
                        List.of("arn:" + Aws.PARTITION + ":ses:" + Aws.REGION + ":" + Aws.ACCOUNT_ID + ":identity/*"))
                .conditions(Map.of("StringEquals", Map.of("ses:FromAddress", p.getValueAsString())))
                .build()));

        GraphqlBackend graphql = new GraphqlBackend(
                this,
                "Graphql",
                getStackName() + "-graphql",
                settings.repoRoot().resolve(StackFiles.SCHEMA),
                ResolverDefinitions.load(settings.repoRoot().resolve(StackFiles.RESOLVERS)),
                functions.values());

        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("AwsRegion", Aws.REGION);
        placeholders.put("AuthorizerFunctionArn", functionArn(authorizer.invokedName()));
        placeholders.put("AuthApiFunctionArn", functionArn(authApi.invokedName()));
        placeholders.put("AppSyncGraphqlUrl", graphql.url());
        placeholders.put("AppSyncApiKey", graphql.apiKey());
        placeholders.put("WebsiteOrigin", corsOrigin);
        api.define(
                OpenApiBody.load(settings.repoRoot().resolve(StackFiles.OPENAPI), placeholders),
                STAGE,
                List.of(authorizer, authApi));
        api.allowInvoke(authorizer, "/authorizers/*");
        api.allowInvoke(authApi, "/*/*" + StackFunctions.AUTH_BASE_PATH + "/*");

        Map<String, Object> siteConfig = new LinkedHashMap<>();
        siteConfig.put("apiDomain", apiOrigin);
        siteConfig.put("apiGatewayPath", "/" + STAGE);
        siteConfig.put("apiBasePath", StackFunctions.AUTH_BASE_PATH);
        siteConfig.put("websiteDomain", webOrigin);
        siteConfig.put("mailboxUrl", null);
        site.publish(settings.repoRoot().resolve(StackFiles.SITE), siteConfig, cdn);

        CfnOutput.Builder.create(this, "SiteUrl")
                .value(webOrigin + "/")
                .description("The demo site")
                .build();
        CfnOutput.Builder.create(this, "ApiUrl")
                .value(apiOrigin + "/" + STAGE)
                .description("The REST API stage")
                .build();
    }

    /** A dynamic reference that CloudFormation resolves when it creates the function: no secret in the template. */
    private static String secretField(String secretName, String field) {
        return SecretValue.secretsManager(
                        secretName,
                        SecretsManagerSecretOptions.builder().jsonField(field).build())
                .unsafeUnwrap();
    }

    /**
     * A function's ARN spelled from its name rather than referenced: the REST API must not depend on
     * the functions, whose environment names the distribution, which depends on the REST API.
     */
    private static String functionArn(String invokedName) {
        return Fn.join(
                "",
                List.of("arn:", Aws.PARTITION, ":lambda:", Aws.REGION, ":", Aws.ACCOUNT_ID, ":function:", invokedName));
    }

    private static String idOf(String logicalName) {
        StringBuilder id = new StringBuilder();
        for (String part : logicalName.split("-")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }
}
