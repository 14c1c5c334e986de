package dev.tollgate.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The one definition of the functions: the local cloud and a cloud deployment differ only in their wiring. */
class StackFunctionsTest {

    private static final StackFunctions.Wiring LOCAL = new StackFunctions.Wiring(
            "http://127.0.0.1:3567",
            Optional.empty(),
            "http://localhost:4000",
            "dev",
            "http://localhost:3000",
            new StackFunctions.Email.Webhook(URI.create("http://localhost:4002/messages")),
            "tollgate-notes",
            Optional.of(URI.create("http://127.0.0.1:8000")));
    private static final StackFunctions.Wiring AWS = new StackFunctions.Wiring(
            "https://core.example.com",
            Optional.of("secret-key"),
            "https://abc.execute-api.eu-west-1.amazonaws.com",
            "prod",
            "http://site.s3-website.eu-west-1.amazonaws.com",
            new StackFunctions.Email.Log(),
            "team-notes",
            Optional.empty());

    private static Map<String, StackFunctions.Function> byName(StackFunctions.Wiring wiring) {
        return StackFunctions.of(wiring).stream()
                .collect(Collectors.toMap(StackFunctions.Function::logicalName, Function.identity()));
    }

    @Test
    void theAuthorizerAndTheAuthApiShareTheSessionVariables() {
        Map<String, StackFunctions.Function> fns = byName(AWS);
        Map<String, String> authorizer = fns.get(StackFunctions.AUTHORIZER).environment();
        Map<String, String> authApi = fns.get(StackFunctions.AUTH_API).environment();
        for (String shared : List.of(
                "SUPERTOKENS_CONNECTION_URI",
                "SUPERTOKENS_API_KEY",
                "API_DOMAIN",
                "API_GATEWAY_PATH",
                "API_BASE_PATH",
                "WEBSITE_DOMAIN")) {
            assertThat(authorizer.get(shared)).as(shared).isNotNull().isEqualTo(authApi.get(shared));
        }
        assertThat(authorizer)
                .containsEntry("API_GATEWAY_PATH", "/prod")
                .containsEntry("API_BASE_PATH", "/auth")
                .containsEntry("SESSION_REQUIRED", "true")
                .containsEntry("REQUIRED_CLAIMS", "POST /verified/graphql=st-ev;POST /admin/graphql=st-role:admin")
                .containsEntry("SUPERTOKENS_API_KEY", "secret-key");
        assertThat(fns.get(StackFunctions.RESOLVER).environment()).isEqualTo(Map.of("NOTES_TABLE", "team-notes"));
        assertThat(fns.get(StackFunctions.AUTH_API).environment())
                .containsEntry("EMAIL_SENDER", "log")
                .doesNotContainKey("EMAIL_WEBHOOK_URL");
    }

    @Test
    void locallyEmailsGoToTheMailboxAndDataToTheEmulator() {
        Map<String, StackFunctions.Function> fns = byName(LOCAL);
        assertThat(fns.get(StackFunctions.AUTH_API).environment())
                .containsEntry("EMAIL_SENDER", "webhook")
                .containsEntry("EMAIL_WEBHOOK_URL", "http://localhost:4002/messages");
        assertThat(fns.get(StackFunctions.RESOLVER).environment())
                .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000");
        assertThat(fns.get(StackFunctions.AUTHORIZER).environment()).doesNotContainKey("SUPERTOKENS_API_KEY");
    }

    @Test
    void sesSendsFromTheGivenAddress() {
        var ses = new StackFunctions.Wiring(
                "https://core.example.com",
                Optional.empty(),
                "https://api.example.com",
                "prod",
                "https://www.example.com",
                new StackFunctions.Email.Ses("noreply@example.com"),
                "notes",
                Optional.empty());
        assertThat(byName(ses).get(StackFunctions.AUTH_API).environment())
                .containsEntry("EMAIL_SENDER", "ses")
                .containsEntry("EMAIL_FROM", "noreply@example.com")
                .doesNotContainKey("EMAIL_WEBHOOK_URL");
    }

    @Test
    void theSameJarsHandlersAndLimitsEverywhere() {
        Map<String, StackFunctions.Function> local = byName(LOCAL);
        Map<String, StackFunctions.Function> aws = byName(AWS);
        assertThat(local.keySet()).containsExactlyInAnyOrder("authorizer", "auth-api", "resolver");
        for (String name : local.keySet()) {
            assertThat(local.get(name).jar()).isEqualTo(aws.get(name).jar());
            assertThat(local.get(name).handler()).isEqualTo(aws.get(name).handler());
            assertThat(local.get(name).timeout()).isEqualTo(aws.get(name).timeout());
        }
        assertThat(local.get("auth-api").timeout().toSeconds())
                .as("API Gateway's integration limit")
                .isEqualTo(29);
        assertThat(local.get("authorizer").handler())
                .isEqualTo("dev.tollgate.authorizer.AuthorizerHandler::handleRequest");
    }
}
