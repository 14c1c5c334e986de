package dev.tollgate.stack;

import java.nio.file.Path;
import java.util.List;

/**
 * Where each file of the stack's one definition lives, relative to the repository root. The local
 * cloud and the deployment read the same files through these names, so moving a file is a change here
 * and nowhere else.
 */
public final class StackFiles {

    /** The REST API: OpenAPI 3 with API Gateway's extensions, placeholders filled by {@link Placeholders}. */
    public static final Path OPENAPI = Path.of("stack/src/main/resources/stack/openapi.yaml");
    /** Which GraphQL field is served by which Lambda data source. */
    public static final Path RESOLVERS = Path.of("stack/src/main/resources/stack/resolvers.yaml");
    /** The notes table's key schema, in DynamoDB's CreateTable JSON. */
    public static final Path NOTES_TABLE = Path.of("stack/src/main/resources/stack/notes-table.json");
    /** The GraphQL schema; it lives beside the resolver that serves it. */
    public static final Path SCHEMA = Path.of("appsync-integration/src/main/resources/appsync/schema.graphql");
    /** The built demo site. */
    public static final Path SITE = Path.of("demo-web/target/site");

    /** The definition files, for a check that a folder is a checkout. */
    public static final List<Path> DEFINITIONS = List.of(OPENAPI, RESOLVERS, NOTES_TABLE, SCHEMA);

    private StackFiles() {}
}
