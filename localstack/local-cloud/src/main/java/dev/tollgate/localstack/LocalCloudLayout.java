package dev.tollgate.localstack;

import dev.tollgate.stack.StackFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the local cloud finds what it runs, relative to the repository root: the deployable function
 * jars, the runtime interface client's classpath, the API and AppSync definitions, and the built demo site. Checked
 * all at once before anything starts, so a missing piece is one clear error.
 */
record LocalCloudLayout(Path root) {

    static final String AUTHORIZER_JAR = "authorizer/target/authorizer-lambda.jar";
    static final String AUTH_API_JAR = "auth-api/target/auth-api-lambda.jar";
    static final String RESOLVER_JAR = "appsync-integration/target/appsync-integration-lambda.jar";
    static final String LAMBDA_RUNTIME = "localstack/local-cloud/target/lambda-runtime.classpath";
    static final String OPENAPI = StackFiles.OPENAPI.toString();
    static final String SCHEMA = StackFiles.SCHEMA.toString();
    static final String RESOLVERS = StackFiles.RESOLVERS.toString();
    static final String NOTES_TABLE = StackFiles.NOTES_TABLE.toString();
    static final String SITE = StackFiles.SITE.toString();

    Path authorizerJar() {
        return root.resolve(AUTHORIZER_JAR);
    }

    Path authApiJar() {
        return root.resolve(AUTH_API_JAR);
    }

    Path resolverJar() {
        return root.resolve(RESOLVER_JAR);
    }

    Path lambdaRuntime() {
        return root.resolve(LAMBDA_RUNTIME);
    }

    Path openApi() {
        return root.resolve(OPENAPI);
    }

    Path notesTable() {
        return root.resolve(NOTES_TABLE);
    }

    Path site() {
        return root.resolve(SITE);
    }

    /** Fails naming every missing file, with the command that builds them. */
    void check() {
        List<String> missing = new ArrayList<>();
        for (String file : List.of(
                AUTHORIZER_JAR, AUTH_API_JAR, RESOLVER_JAR, LAMBDA_RUNTIME, OPENAPI, SCHEMA, RESOLVERS, NOTES_TABLE)) {
            if (!Files.isRegularFile(root.resolve(file))) {
                missing.add(file);
            }
        }
        for (String folder : List.of(SITE)) {
            if (!Files.isDirectory(root.resolve(folder))) {
                missing.add(folder + "/");
            }
        }
        if (!missing.isEmpty()) {
            throw new LocalCloudException(
                    "missing in " + root + ": " + String.join(", ", missing)
                            + " (build with: ./mvnw -B -DskipTests package -pl authorizer,auth-api,appsync-integration,demo-web,localstack/local-cloud -am)");
        }
    }
}
