package dev.tollgate.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the local cloud finds what it runs, relative to the repository root: the deployable function
 * jars, the runtime interface client, the API and AppSync definitions, and the built demo site. Checked
 * all at once before anything starts, so a missing piece is one clear error.
 */
record LocalCloudLayout(Path root) {

    static final String AUTHORIZER_JAR = "authorizer/target/authorizer-lambda.jar";
    static final String AUTH_API_JAR = "auth-api/target/auth-api-lambda.jar";
    static final String RESOLVER_JAR = "appsync-integration/target/appsync-integration-lambda.jar";
    static final String LAMBDA_RUNTIME = "localstack/target/lambda-runtime";
    static final String OPENAPI = "localstack/src/main/resources/api/openapi.yaml";
    static final String APPSYNC = "appsync-integration/src/main/resources/appsync";
    static final String NOTES_TABLE = APPSYNC + "/notes-table.json";
    static final String SITE = "demo-web/target/site";

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

    Path appsyncDefinition() {
        return root.resolve(APPSYNC);
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
        for (String file : List.of(AUTHORIZER_JAR, AUTH_API_JAR, RESOLVER_JAR, OPENAPI, NOTES_TABLE)) {
            if (!Files.isRegularFile(root.resolve(file))) {
                missing.add(file);
            }
        }
        for (String folder : List.of(LAMBDA_RUNTIME, APPSYNC, SITE)) {
            if (!Files.isDirectory(root.resolve(folder))) {
                missing.add(folder + "/");
            }
        }
        if (!missing.isEmpty()) {
            throw new LocalCloudException("missing in " + root + ": " + String.join(", ", missing)
                    + " (build with: ./mvnw -B -DskipTests package -pl authorizer,auth-api,appsync-integration,demo-web,localstack -am)");
        }
    }
}
