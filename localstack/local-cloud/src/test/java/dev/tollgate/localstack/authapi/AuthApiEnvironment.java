package dev.tollgate.localstack.authapi;

import dev.tollgate.localstack.core.CoreStandIn;
import dev.tollgate.stack.StackFunctions;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The auth API's environment for the integration tests, taken from the stack's one definition of its
 * functions, so that the tests run the jar configured exactly as the local cloud and the CDK app
 * configure it.
 */
final class AuthApiEnvironment {

    static final String SITE = "http://localhost:3000";

    private AuthApiEnvironment() {}

    static Map<String, String> of(CoreStandIn core, WebhookInbox inbox) {
        StackFunctions.Wiring wiring = new StackFunctions.Wiring(
                core.uri().toString(),
                Optional.empty(),
                "http://localhost:4000",
                "dev",
                SITE,
                new StackFunctions.Email.Webhook(URI.create(inbox.url())),
                "notes-unused-by-the-auth-api",
                Optional.empty());
        return StackFunctions.of(wiring).stream()
                .filter(function -> function.logicalName().equals(StackFunctions.AUTH_API))
                .findFirst()
                .orElseThrow()
                .environment();
    }
}
