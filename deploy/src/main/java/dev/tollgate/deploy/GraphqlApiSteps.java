package dev.tollgate.deploy;

import dev.tollgate.stack.AppSyncDefinition;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.appsync.AppSyncClient;
import software.amazon.awssdk.services.appsync.model.ApiKey;
import software.amazon.awssdk.services.appsync.model.AuthenticationType;
import software.amazon.awssdk.services.appsync.model.DataSourceType;
import software.amazon.awssdk.services.appsync.model.GraphqlApi;
import software.amazon.awssdk.services.appsync.model.NotFoundException;
import software.amazon.awssdk.services.appsync.model.ResolverKind;
import software.amazon.awssdk.services.appsync.model.SchemaStatus;

/** The AppSync API: schema, API key, Lambda data sources and direct resolvers. */
final class GraphqlApiSteps {

    /** The API's id, its GraphQL endpoint and the key the REST API sends as {@code x-api-key}. */
    record Endpoint(String apiId, String graphqlUrl, String apiKey) {}

    private final AppSyncClient appSync;
    private final Duration pollPause;
    private final java.time.Clock clock;

    GraphqlApiSteps(AppSyncClient appSync, Duration pollPause, java.time.Clock clock) {
        this.appSync = appSync;
        this.pollPause = pollPause;
        this.clock = clock;
    }

    Progress.Done<Endpoint> ensureApi(String name, String schema) {
        Optional<GraphqlApiModel> existing = find(name);
        Progress.Outcome outcome = existing.isPresent() ? Progress.Outcome.UPDATED : Progress.Outcome.CREATED;
        GraphqlApiModel api = existing.orElseGet(() -> GraphqlApiModel.of(
                appSync.createGraphqlApi(r -> r.name(name).authenticationType(AuthenticationType.API_KEY))
                        .graphqlApi()));
        loadSchema(api.apiId(), schema);
        String key = ensureApiKey(api.apiId());
        return new Progress.Done<>(outcome, new Endpoint(api.apiId(), api.graphqlUrl(), key));
    }

    Progress.Done<Void> ensureLambdaDataSource(String apiId, String name, String functionArn, String roleArn) {
        try {
            appSync.getDataSource(r -> r.apiId(apiId).name(name));
        } catch (NotFoundException missing) {
            appSync.createDataSource(r -> r.apiId(apiId)
                    .name(name)
                    .type(DataSourceType.AWS_LAMBDA)
                    .serviceRoleArn(roleArn)
                    .lambdaConfig(l -> l.lambdaFunctionArn(functionArn)));
            return Progress.Done.of(Progress.Outcome.CREATED);
        }
        appSync.updateDataSource(r -> r.apiId(apiId)
                .name(name)
                .type(DataSourceType.AWS_LAMBDA)
                .serviceRoleArn(roleArn)
                .lambdaConfig(l -> l.lambdaFunctionArn(functionArn)));
        return Progress.Done.of(Progress.Outcome.UPDATED);
    }

    /** A resolver with neither templates nor code is a direct Lambda resolver: the event of spec 7.3. */
    Progress.Done<Void> ensureResolver(String apiId, AppSyncDefinition.Resolver resolver) {
        try {
            appSync.getResolver(r -> r.apiId(apiId).typeName(resolver.type()).fieldName(resolver.field()));
        } catch (NotFoundException missing) {
            appSync.createResolver(r -> r.apiId(apiId)
                    .typeName(resolver.type())
                    .fieldName(resolver.field())
                    .dataSourceName(resolver.dataSource())
                    .kind(ResolverKind.UNIT));
            return Progress.Done.of(Progress.Outcome.CREATED);
        }
        appSync.updateResolver(r -> r.apiId(apiId)
                .typeName(resolver.type())
                .fieldName(resolver.field())
                .dataSourceName(resolver.dataSource())
                .kind(ResolverKind.UNIT));
        return Progress.Done.of(Progress.Outcome.UPDATED);
    }

    Progress.Done<Void> remove(String name) {
        Optional<GraphqlApiModel> existing = find(name);
        if (existing.isEmpty()) {
            return Progress.Done.of(Progress.Outcome.ABSENT);
        }
        appSync.deleteGraphqlApi(r -> r.apiId(existing.get().apiId()));
        return Progress.Done.of(Progress.Outcome.REMOVED);
    }

    private Optional<GraphqlApiModel> find(String name) {
        String token = null;
        do {
            String next = token;
            var page = appSync.listGraphqlApis(r -> r.nextToken(next));
            for (GraphqlApi api : page.graphqlApis()) {
                if (name.equals(api.name())) {
                    return Optional.of(GraphqlApiModel.of(api));
                }
            }
            token = page.nextToken();
        } while (token != null);
        return Optional.empty();
    }

    private void loadSchema(String apiId, String schema) {
        appSync.startSchemaCreation(r -> r.apiId(apiId).definition(SdkBytes.fromUtf8String(schema)));
        Instant deadline = clock.instant().plusSeconds(120);
        while (true) {
            var status = appSync.getSchemaCreationStatus(r -> r.apiId(apiId));
            if (status.status() == SchemaStatus.SUCCESS || status.status() == SchemaStatus.ACTIVE) {
                return;
            }
            if (status.status() == SchemaStatus.FAILED) {
                throw new DeployException("AppSync rejected schema.graphql: " + status.details());
            }
            if (clock.instant().isAfter(deadline)) {
                throw new DeployException("AppSync schema creation still " + status.statusAsString() + " after 120 s");
            }
            sleep();
        }
    }

    /** Reuses a key that stays valid for a week more; otherwise makes one valid for 365 days (AppSync's maximum). */
    private String ensureApiKey(String apiId) {
        long weekFromNow = clock.instant().plus(7, ChronoUnit.DAYS).getEpochSecond();
        for (ApiKey key : appSync.listApiKeys(r -> r.apiId(apiId)).apiKeys()) {
            if (key.expires() != null && key.expires() > weekFromNow) {
                return key.id();
            }
        }
        long expires = clock.instant()
                .plus(365, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.HOURS)
                .getEpochSecond();
        return appSync.createApiKey(r -> r.apiId(apiId).expires(expires).description("Tollgate REST API integration"))
                .apiKey()
                .id();
    }

    private void sleep() {
        try {
            Thread.sleep(pollPause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeployException("interrupted while waiting for AppSync");
        }
    }

    private record GraphqlApiModel(String apiId, String graphqlUrl) {
        static GraphqlApiModel of(GraphqlApi api) {
            Map<String, String> uris = api.uris();
            String url = uris == null ? null : uris.get("GRAPHQL");
            if (url == null) {
                throw new DeployException("AppSync API " + api.name() + " has no GRAPHQL endpoint");
            }
            return new GraphqlApiModel(api.apiId(), url);
        }
    }
}
