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

        // the real AppSync definition: the deployer must accept what appsync-integration ships
        Path appsync = repo.resolve(Deployer.APPSYNC);
        Files.createDirectories(appsync);
        for (String file : new String[] {"schema.graphql", "resolvers.yaml", "notes-table.json"}) {
            Files.copy(Path.of("..").resolve(Deployer.APPSYNC).resolve(file), appsync.resolve(file));
        }

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
