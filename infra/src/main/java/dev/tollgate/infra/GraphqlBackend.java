package dev.tollgate.infra;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Expiration;
import software.amazon.awscdk.services.appsync.ApiKeyConfig;
import software.amazon.awscdk.services.appsync.AuthorizationConfig;
import software.amazon.awscdk.services.appsync.AuthorizationMode;
import software.amazon.awscdk.services.appsync.AuthorizationType;
import software.amazon.awscdk.services.appsync.BaseResolverProps;
import software.amazon.awscdk.services.appsync.Definition;
import software.amazon.awscdk.services.appsync.GraphqlApi;
import software.amazon.awscdk.services.appsync.LambdaDataSource;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.constructs.Construct;

/**
 * The AppSync API behind the REST API's GraphQL routes: the schema, one Lambda data source per entry
 * of {@code resolvers.yaml} (each with a role that may invoke its function only), direct Lambda
 * resolvers, and the API key the gateway sends (a reference in the template, never its value).
 */
final class GraphqlBackend extends Construct {

    /** AppSync's longest key lifetime; every deploy moves the expiry forward. */
    static final Duration API_KEY_LIFETIME = Duration.days(365);

    private final GraphqlApi api;

    GraphqlBackend(
            Construct scope,
            String id,
            String name,
            Path schema,
            ResolverDefinitions definitions,
            Collection<StackFunction> functions) {
        super(scope, id);
        api = GraphqlApi.Builder.create(this, "Api")
                .name(name)
                .definition(Definition.fromFile(schema.toString()))
                .authorizationConfig(AuthorizationConfig.builder()
                        .defaultAuthorization(AuthorizationMode.builder()
                                .authorizationType(AuthorizationType.API_KEY)
                                .apiKeyConfig(ApiKeyConfig.builder()
                                        .description("the REST API's x-api-key")
                                        .expires(Expiration.after(API_KEY_LIFETIME))
                                        .build())
                                .build())
                        .build())
                .build();
        Map<String, LambdaDataSource> sources = new HashMap<>();
        for (ResolverDefinitions.DataSource d : definitions.dataSources()) {
            StackFunction function = functions.stream()
                    .filter(f -> f.functionName().equals(d.function()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("resolvers.yaml: data source " + d.name()
                            + " names function " + d.function() + ", which this stack does not deploy"));
            Role role = Role.Builder.create(this, d.name() + "Role")
                    .assumedBy(new ServicePrincipal("appsync.amazonaws.com"))
                    .description("AppSync invokes " + d.function())
                    .build();
            sources.put(
                    d.name(),
                    LambdaDataSource.Builder.create(this, d.name())
                            .api(api)
                            .name(d.name())
                            .lambdaFunction(function.function())
                            .serviceRole(role)
                            .build());
        }
        for (ResolverDefinitions.Resolver r : definitions.resolvers()) {
            sources.get(r.dataSource())
                    .createResolver(
                            r.type() + r.field(),
                            BaseResolverProps.builder()
                                    .typeName(r.type())
                                    .fieldName(r.field())
                                    .build());
        }
    }

    String url() {
        return api.getGraphqlUrl();
    }

    String apiKey() {
        return api.getApiKey();
    }
}
