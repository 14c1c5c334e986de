package dev.tollgate.localstack.appsync;

import dev.tollgate.localstack.gateway.LambdaInvoker;
import dev.tollgate.localstack.http.LoopbackServer;
import dev.tollgate.stack.ApiDefinitionException;
import dev.tollgate.stack.AppSyncDefinition;
import dev.tollgate.stack.StackFiles;
import graphql.GraphQL;
import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The local cloud's AppSync: {@code POST /graphql} with API-key auth, graphql-java executing
 * appsync-integration's {@code schema.graphql} (with AppSync's scalars), each field of
 * {@code resolvers.yaml} served by a direct Lambda resolver through a {@link LambdaInvoker}.
 */
public final class AppSyncEmulator implements AutoCloseable {

    private final LoopbackServer server;

    private AppSyncEmulator(LoopbackServer server) {
        this.server = server;
    }

    /**
     * Starts serving on 127.0.0.1.
     *
     * @param port          0 for an ephemeral port
     * @param apiKey        the only key {@code x-api-key} may carry
     * @param root          the repository root: {@code schema.graphql} and {@code resolvers.yaml} are read from
     *                      where {@link StackFiles} says
     * @param invoker       runs the resolvers' Lambda functions
     * @throws IllegalArgumentException when the definition is inconsistent (named in the message)
     */
    public static AppSyncEmulator start(int port, String apiKey, Path root, LambdaInvoker invoker) {
        Objects.requireNonNull(invoker, "invoker");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("the AppSync API key must not be empty");
        }
        GraphQL graphql = GraphQL.newGraphQL(schema(definition(root), invoker)).build();
        return new AppSyncEmulator(LoopbackServer.start("appsync", port, 8, new GraphqlEndpoint(graphql, apiKey)));
    }

    /** The stack's AppSync definition, checked for what the emulator runs: AWS_LAMBDA data sources. */
    private static AppSyncDefinition definition(Path root) {
        Path resolversFile = root.resolve(StackFiles.RESOLVERS);
        AppSyncDefinition definition;
        try {
            definition = AppSyncDefinition.load(root.resolve(StackFiles.SCHEMA), resolversFile);
        } catch (ApiDefinitionException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (AppSyncDefinition.DataSource ds : definition.dataSources()) {
            if (!ds.type().equals("AWS_LAMBDA")) {
                throw new IllegalArgumentException(resolversFile + ": data source " + ds.name() + " has type "
                        + ds.type() + "; the emulator runs AWS_LAMBDA data sources only");
            }
        }
        return definition;
    }

    static GraphQLSchema schema(AppSyncDefinition definition, LambdaInvoker invoker) {
        TypeDefinitionRegistry types = new SchemaParser().parse(definition.schema());
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring();
        for (GraphQLScalarType scalar : AppSyncScalars.all()) {
            if (types.hasType(scalar.getName())) {
                throw new IllegalArgumentException("schema.graphql declares " + scalar.getName()
                        + ", which AppSync provides itself (and refuses to see redeclared)");
            }
            types.add(ScalarTypeDefinition.newScalarTypeDefinition()
                    .name(scalar.getName())
                    .build());
            wiring.scalar(scalar);
        }
        for (AppSyncDefinition.Resolver resolver : definition.resolvers()) {
            ObjectTypeDefinition type = types.getTypeOrNull(resolver.type(), ObjectTypeDefinition.class);
            if (type == null) {
                throw new IllegalArgumentException("resolvers.yaml wires " + resolver.type() + "." + resolver.field()
                        + " but schema.graphql has no type " + resolver.type());
            }
            if (type.getFieldDefinitions().stream()
                    .map(FieldDefinition::getName)
                    .noneMatch(resolver.field()::equals)) {
                throw new IllegalArgumentException("resolvers.yaml wires " + resolver.type() + "." + resolver.field()
                        + " but schema.graphql has no such field");
            }
            wiring.type(
                    resolver.type(),
                    t -> t.dataFetcher(resolver.field(), new LambdaResolver(resolver.function(), invoker)));
        }
        return new SchemaGenerator().makeExecutableSchema(types, wiring.build());
    }

    /** {@code http://127.0.0.1:<port>/graphql} (the server listens on loopback only). */
    public URI graphqlUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + "/graphql");
    }

    @Override
    public void close() {
        server.close();
    }
}
