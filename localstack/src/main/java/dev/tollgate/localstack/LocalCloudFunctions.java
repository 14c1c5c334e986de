package dev.tollgate.localstack;

import dev.tollgate.localstack.lambda.FunctionDefinition;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three Tollgate functions as the local cloud deploys them: the contract's names, jars and handler
 * strings, and the environment variables each reads (the same ones the deployer sets on AWS).
 */
final class LocalCloudFunctions {

    static final String AUTHORIZER = "tollgate-authorizer";
    static final String AUTH_API = "tollgate-auth-api";
    static final String RESOLVER = "tollgate-resolver";
    static final String GATEWAY_PATH = "/dev";
    static final String AUTH_BASE_PATH = "/auth";
    /** The authorizer's claim rule: the verified route needs a verified email. */
    static final String REQUIRED_CLAIMS = "POST /verified/graphql=st-ev";

    private static final int MEMORY_MB = 512;

    private LocalCloudFunctions() {}

    /** Where everything is, once every component has its port. */
    record Endpoints(URI core, Optional<String> coreApiKey, URI apiOrigin, URI webOrigin, URI mailboxWebhook,
            URI dynamodb, String notesTable) {}

    static List<FunctionDefinition> definitions(LocalCloudLayout layout, Endpoints endpoints) {
        Map<String, String> session = new HashMap<>();
        session.put("SUPERTOKENS_CONNECTION_URI", endpoints.core().toString());
        endpoints.coreApiKey().ifPresent(key -> session.put("SUPERTOKENS_API_KEY", key));
        session.put("API_DOMAIN", origin(endpoints.apiOrigin()));
        session.put("API_GATEWAY_PATH", GATEWAY_PATH);
        session.put("API_BASE_PATH", AUTH_BASE_PATH);
        session.put("WEBSITE_DOMAIN", origin(endpoints.webOrigin()));

        Map<String, String> authorizer = new HashMap<>(session);
        authorizer.put("REQUIRED_CLAIMS", REQUIRED_CLAIMS);
        // a call without a session is a 401 (the SDK's cue to refresh), not an anonymous Allow
        authorizer.put("SESSION_REQUIRED", "true");

        Map<String, String> authApi = new HashMap<>(session);
        authApi.put("EMAIL_SENDER", "webhook");
        authApi.put("EMAIL_WEBHOOK_URL", endpoints.mailboxWebhook().toString());

        Map<String, String> resolver = Map.of(
                "NOTES_TABLE", endpoints.notesTable(),
                "AWS_ENDPOINT_URL_DYNAMODB", endpoints.dynamodb().toString());

        return List.of(
                new FunctionDefinition(AUTHORIZER, layout.authorizerJar(),
                        "dev.tollgate.authorizer.AuthorizerHandler::handleRequest", authorizer,
                        Duration.ofSeconds(10), MEMORY_MB),
                new FunctionDefinition(AUTH_API, layout.authApiJar(),
                        "dev.tollgate.authapi.AuthApiHandler::handleRequest", authApi,
                        Duration.ofSeconds(29), MEMORY_MB),
                new FunctionDefinition(RESOLVER, layout.resolverJar(),
                        "dev.tollgate.appsync.ResolverHandler::handleRequest", resolver,
                        Duration.ofSeconds(10), MEMORY_MB));
    }

    /** {@code http://localhost:4000}: scheme, host and port only. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
