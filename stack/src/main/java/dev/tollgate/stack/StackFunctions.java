package dev.tollgate.stack;

import dev.tollgate.config.Variables.AuthApi;
import dev.tollgate.config.Variables.Authorizer;
import dev.tollgate.config.Variables.Resolver;
import dev.tollgate.config.Variables.Session;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stack's three functions, defined once: jar, handler, limits and the environment each reads. The
 * local cloud and the CDK app both build their functions from here, so a function configured locally
 * is configured the same way on LocalStack and AWS; only the {@link Wiring} (where the other parts
 * are) differs. {@link Function} is the one description of a function; each target adapts it: the local
 * Lambda runtime ({@code FunctionDefinition.of} in the local cloud) and the CDK app ({@code StackFunction} in
 * {@code infra}, which adds the roles and permissions).
 */
public final class StackFunctions {

    public static final String AUTHORIZER = "authorizer";
    public static final String AUTH_API = "auth-api";
    public static final String RESOLVER = "resolver";
    /** The base path of the auth routes behind the stage. */
    public static final String AUTH_BASE_PATH = "/auth";
    /**
     * The demo's claim rules (see the authorizer's README): the verified route needs a verified email, the
     * admin route the {@code admin} role.
     */
    public static final String REQUIRED_CLAIMS = "POST /verified/graphql=st-ev;POST /admin/graphql=st-role:admin";
    /**
     * The DynamoDB operations the resolver makes on the notes table, and so the only ones its role may:
     * a user's notes ({@code Query}), every user's count for the admin field ({@code Scan} with
     * {@code Select: COUNT}), adding and deleting a note.
     */
    public static final List<String> RESOLVER_DYNAMODB_OPERATIONS = List.of("Query", "Scan", "PutItem", "DeleteItem");

    private StackFunctions() {}

    /**
     * One function.
     *
     * @param logicalName  {@link #AUTHORIZER}, {@link #AUTH_API} or {@link #RESOLVER}; deployed names add a prefix
     * @param jar          the shaded jar for x86_64, relative to the repository root
     * @param arm64Jar     the shaded jar for arm64: another file only where the function bundles native code
     *                     (the authorizer's RSA library)
     * @param handler      the handler string Lambda's Java runtime calls
     * @param timeout      invocation timeout (the auth API's matches API Gateway's 29 s integration limit)
     * @param memoryMb     memory size
     * @param environment  the variables the function reads
     */
    public record Function(
            String logicalName,
            Path jar,
            Path arm64Jar,
            String handler,
            Duration timeout,
            int memoryMb,
            Map<String, String> environment) {
        public Function {
            environment = Map.copyOf(environment);
        }
    }

    /**
     * Where the rest of the stack is, as the functions must be told.
     *
     * @param coreUris          SuperTokens core URL(s), comma-separated
     * @param coreApiKey        the core's API key, if it has one
     * @param apiOrigin         origin of the REST API as browsers see it (no stage)
     * @param stage             the API Gateway stage name
     * @param websiteOrigin     origin of the demo site
     * @param email             how the auth API delivers verification emails
     * @param notesTable        the DynamoDB table name
     * @param dynamoDbEndpoint  an endpoint override for DynamoDB (the local emulator); empty on AWS
     */
    public record Wiring(
            String coreUris,
            Optional<String> coreApiKey,
            String apiOrigin,
            String stage,
            String websiteOrigin,
            Email email,
            String notesTable,
            Optional<URI> dynamoDbEndpoint) {
        public Wiring {
            Objects.requireNonNull(coreUris, "coreUris");
            Objects.requireNonNull(apiOrigin, "apiOrigin");
            Objects.requireNonNull(stage, "stage");
            Objects.requireNonNull(websiteOrigin, "websiteOrigin");
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(notesTable, "notesTable");
        }
    }

    /** How verification emails leave the auth API. */
    public sealed interface Email {
        /** Written to the function's log: for development only, the log then holds verification links. */
        record Log() implements Email {}

        /** POSTed as JSON to a URL (the local cloud's dev mailbox). */
        record Webhook(URI url) implements Email {}

        /** Sent through Amazon SES from a verified sender address. */
        record Ses(String from) implements Email {}
    }

    public static List<Function> of(Wiring wiring) {
        // SameSite and Secure are left to the session library's defaults, derived from the two origins:
        // lax where site and API share a site (local cloud, LocalStack, and AWS behind the one CloudFront origin),
        // none + Secure only when a team serves the API from another site over https.
        Map<String, String> session = new LinkedHashMap<>();
        session.put(Session.CONNECTION_URI, wiring.coreUris());
        wiring.coreApiKey().ifPresent(key -> session.put(Session.API_KEY, key));
        session.put(Session.API_DOMAIN, wiring.apiOrigin());
        session.put(Session.API_GATEWAY_PATH, "/" + wiring.stage());
        session.put(Session.API_BASE_PATH, AUTH_BASE_PATH);
        session.put(Session.WEBSITE_DOMAIN, wiring.websiteOrigin());

        Map<String, String> authorizer = new LinkedHashMap<>(session);
        authorizer.put(Authorizer.REQUIRED_CLAIMS, REQUIRED_CLAIMS);
        // a call without a session is a 401 (the SDK's cue to refresh), not an anonymous Allow
        authorizer.put(Authorizer.SESSION_REQUIRED, "true");

        Map<String, String> authApi = new LinkedHashMap<>(session);
        if (wiring.email() instanceof Email.Webhook webhook) {
            authApi.put(AuthApi.EMAIL_SENDER, "webhook");
            authApi.put(AuthApi.EMAIL_WEBHOOK_URL, webhook.url().toString());
        } else if (wiring.email() instanceof Email.Ses ses) {
            authApi.put(AuthApi.EMAIL_SENDER, "ses");
            authApi.put(AuthApi.EMAIL_FROM, ses.from());
        } else {
            authApi.put(AuthApi.EMAIL_SENDER, "log");
        }

        Map<String, String> resolver = new LinkedHashMap<>();
        resolver.put(Resolver.NOTES_TABLE, wiring.notesTable());
        wiring.dynamoDbEndpoint().ifPresent(endpoint -> resolver.put(Resolver.DYNAMODB_ENDPOINT, endpoint.toString()));

        // Pure Java: one jar serves both architectures.
        Path authApiJar = Path.of("auth-api/target/auth-api-lambda.jar");
        Path resolverJar = Path.of("appsync-integration/target/appsync-integration-lambda.jar");
        return List.of(
                new Function(
                        AUTHORIZER,
                        Path.of("authorizer/target/authorizer-lambda.jar"),
                        Path.of("authorizer/target/authorizer-lambda-arm64.jar"),
                        "dev.tollgate.authorizer.AuthorizerHandler::handleRequest",
                        Duration.ofSeconds(10),
                        1024,
                        authorizer),
                new Function(
                        AUTH_API,
                        authApiJar,
                        authApiJar,
                        "dev.tollgate.authapi.AuthApiHandler::handleRequest",
                        Duration.ofSeconds(29),
                        1024,
                        authApi),
                new Function(
                        RESOLVER,
                        resolverJar,
                        resolverJar,
                        "dev.tollgate.appsync.ResolverHandler::handleRequest",
                        Duration.ofSeconds(10),
                        1024,
                        resolver));
    }
}
