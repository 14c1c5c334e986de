package dev.tollgate.localstack;

import dev.tollgate.localstack.lambda.FunctionDefinition;
import dev.tollgate.stack.StackFunctions;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The stack's functions ({@link StackFunctions}, the one definition the CDK app uses too) as the local
 * cloud deploys them: under the contract's local names, with the emulators' addresses as wiring.
 */
final class LocalCloudFunctions {

    static final String NAME_PREFIX = "tollgate-";
    static final String AUTHORIZER = NAME_PREFIX + StackFunctions.AUTHORIZER;
    static final String AUTH_API = NAME_PREFIX + StackFunctions.AUTH_API;
    static final String STAGE = "dev";
    static final String GATEWAY_PATH = "/" + STAGE;

    private LocalCloudFunctions() {}

    /** Where everything is, once every component has its port. */
    record Endpoints(
            URI core,
            Optional<String> coreApiKey,
            URI apiOrigin,
            URI webOrigin,
            URI mailboxWebhook,
            URI dynamodb,
            String notesTable) {}

    static List<FunctionDefinition> definitions(LocalCloudLayout layout, Endpoints endpoints) {
        var wiring = new StackFunctions.Wiring(
                endpoints.core().toString(),
                endpoints.coreApiKey(),
                origin(endpoints.apiOrigin()),
                STAGE,
                origin(endpoints.webOrigin()),
                new StackFunctions.Email.Webhook(endpoints.mailboxWebhook()),
                endpoints.notesTable(),
                Optional.of(endpoints.dynamodb()));
        return StackFunctions.of(wiring).stream()
                .map(f -> FunctionDefinition.of(NAME_PREFIX + f.logicalName(), layout.root(), f))
                .toList();
    }

    /** {@code http://localhost:4000}: scheme, host and port only. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
