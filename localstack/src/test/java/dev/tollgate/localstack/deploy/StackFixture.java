package dev.tollgate.localstack.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A repository layout with the real openapi.yaml and small stand-ins for the built artifacts. */
final class StackFixture {

    private StackFixture() {
    }

    static void write(Path repo) throws IOException {
        Path openapi = repo.resolve(Deployer.OPENAPI);
        Files.createDirectories(openapi.getParent());
        Files.copy(Path.of("src/main/resources/api/openapi.yaml"), openapi);

        Path appsync = repo.resolve(Deployer.APPSYNC);
        Files.createDirectories(appsync);
        Files.writeString(appsync.resolve("schema.graphql"), "type Query { me: ID! }\nschema { query: Query }\n");
        Files.writeString(appsync.resolve("resolvers.yaml"),
                "dataSources:\n  - {name: NotesLambda, type: AWS_LAMBDA, function: tollgate-resolver}\n"
                        + "resolvers:\n  - {type: Query, field: me, dataSource: NotesLambda}\n");
        Files.writeString(appsync.resolve("notes-table.json"), "{\"TableName\":\"notes\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"userId\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"noteId\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"userId\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"noteId\",\"KeyType\":\"RANGE\"}]}");

        for (String jar : new String[] {"authorizer/target/authorizer-lambda.jar", "auth-api/target/auth-api-lambda.jar",
                "appsync-integration/target/appsync-integration-lambda.jar"}) {
            Path p = repo.resolve(jar);
            Files.createDirectories(p.getParent());
            Files.write(p, new byte[] {'P', 'K', 3, 4});
        }
        Path site = repo.resolve(Deployer.SITE);
        Files.createDirectories(site);
        Files.writeString(site.resolve("index.html"), "<!doctype html><title>demo</title>");
        Files.writeString(site.resolve("app.js"), "console.log('demo')");
    }
}
