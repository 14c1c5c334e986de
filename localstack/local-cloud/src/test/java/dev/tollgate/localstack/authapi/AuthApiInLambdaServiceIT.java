package dev.tollgate.localstack.authapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.localstack.authapi.SdkClient.Response;
import dev.tollgate.localstack.core.CoreConfig;
import dev.tollgate.localstack.core.CoreStandIn;
import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import dev.tollgate.localstack.lambda.FunctionDefinition;
import dev.tollgate.localstack.lambda.LambdaService;
import dev.tollgate.localstack.lambda.LambdaServiceOptions;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar deployed to the local Lambda service: its own JVM, AWS's runtime interface client, the
 * handler string and the process environment exactly as on Lambda (the no-argument constructor reads
 * {@code System.getenv()}). Covers what the in-process test cannot: the real runtime's serialization and
 * an init failure from a bad environment.
 */
class AuthApiInLambdaServiceIT {

    private static final String SITE = AuthApiEnvironment.SITE;
    private static final String HANDLER = "dev.tollgate.authapi.AuthApiHandler::handleRequest";

    private static CoreStandIn core;
    private static WebhookInbox inbox;
    private static LambdaService lambda;

    @BeforeAll
    static void start() throws Exception {
        core = CoreStandIn.start(CoreConfig.builder().build());
        inbox = new WebhookInbox();
        lambda = LambdaService.start(LambdaServiceOptions.defaults(
                LambdaServiceOptions.runtimeClasspathFrom(Path.of("target/lambda-runtime.classpath"))));
        lambda.deploy(new FunctionDefinition(
                "tollgate-auth-api",
                IsolatedLambda.authApiJar(),
                HANDLER,
                AuthApiEnvironment.of(core, inbox),
                Duration.ofSeconds(30),
                512));
        lambda.deploy(new FunctionDefinition(
                "misconfigured-auth-api",
                IsolatedLambda.authApiJar(),
                HANDLER,
                Map.of("SUPERTOKENS_CONNECTION_URI", core.uri().toString(), "API_DOMAIN", "http://localhost:4000"),
                Duration.ofSeconds(30),
                256));
    }

    @AfterAll
    static void stop() {
        if (lambda != null) {
            lambda.close();
        }
        if (inbox != null) {
            inbox.close();
        }
        if (core != null) {
            core.close();
        }
    }

    private static FunctionInvoker function(String name) {
        return eventJson -> {
            Invocation invocation = lambda.invoke(lambda.functionArn(name), eventJson);
            if (invocation instanceof Invocation.Success success) {
                return success.payloadJson();
            }
            throw new AssertionError("invocation did not succeed: " + invocation);
        };
    }

    @Test
    void signUpRefreshVerifyAndSignOutThroughTheRuntimeInterfaceClient() throws Exception {
        SdkClient browser = new SdkClient(function("tollgate-auth-api"), SITE, "cookie");
        String email = "ric-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        Response signUp = browser.signUp(email, "password123");
        assertThat(signUp.status()).isEqualTo(200);
        assertThat(signUp.setCookies()).hasSize(2);
        assertThat(signUp.header("Access-Control-Expose-Headers"))
                .isEqualTo("front-token, st-access-token, st-refresh-token, anti-csrf");

        Response refreshed = browser.refresh();
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.header("front-token")).isNotBlank();

        assertThat(browser.call("POST", "/auth/user/email/verify/token", null, "emailverification", "{}")
                        .status())
                .isEqualTo(200);
        JsonNode message = inbox.messages().stream()
                .filter(m -> m.get("to").asText().equals(email))
                .findFirst()
                .orElseThrow();
        String token = URLDecoder.decode(
                URI.create(message.get("link").asText()).getRawQuery().replaceAll(".*token=([^&]*).*", "$1"),
                StandardCharsets.UTF_8);
        Response verified = browser.verifyEmail(token);
        assertThat(verified.body().toString()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(browser.frontTokenPayload().get("st-ev").get("v").asBoolean())
                .isTrue();

        Response out = browser.signOut();
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.setCookies()).allSatisfy(c -> assertThat(c).contains("Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
        assertThat(browser.refresh().status()).isEqualTo(401);
    }

    @Test
    void aMissingWebsiteDomainFailsTheInitNotARequest() {
        Invocation invocation = lambda.invoke(
                lambda.functionArn("misconfigured-auth-api"),
                ProxyEvent.json("POST", "/auth/session/refresh", null, Map.of(), null, "/dev"));
        assertThat(invocation).isNotInstanceOf(Invocation.Success.class);
        assertThat(invocation.toString()).contains("WEBSITE_DOMAIN");
    }
}
