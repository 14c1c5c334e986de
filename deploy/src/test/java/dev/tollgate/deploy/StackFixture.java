package dev.tollgate.deploy;

import dev.tollgate.stack.StackFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A repository layout with the real openapi.yaml and small stand-ins for the built artifacts. */
final class StackFixture {

    private StackFixture() {}

    static void write(Path repo) throws IOException {
        // the real definition files: the deployer must accept what the stack ships
        for (Path file : StackFiles.DEFINITIONS) {
            Files.createDirectories(repo.resolve(file).getParent());
            Files.copy(Path.of("..").resolve(file), repo.resolve(file));
        }

        for (String jar : new String[] {
            "authorizer/target/authorizer-lambda.jar",
            "auth-api/target/auth-api-lambda.jar",
            "appsync-integration/target/appsync-integration-lambda.jar"
        }) {
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
