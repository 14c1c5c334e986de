package dev.tollgate.authapi.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.tollgate.authapi.AuthApiHandler;
import dev.tollgate.authapi.fixtures.ProxyBoundary;
import dev.tollgate.authapi.fixtures.TestApi;
import dev.tollgate.authapi.fixtures.TestApi.Response;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Email exists (docs/supertokens.md#email-exists), preflights, unknown routes and methods, oversize bodies, handler start-up. */
class EmailExistsAndRoutingTest {

    private final TestApi api = new TestApi();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void emailExistsComparesTrimmedAndCaseInsensitively() {
        api.request("POST", "/auth/signup")
                .rid("emailpassword")
                .credentials("Exists@Example.com", "password123")
                .send();
        Response yes = api.request("GET", "/auth/emailpassword/email/exists")
                .rid("emailpassword")
                .query("email", "exists@example.COM ")
                .send();
        assertThat(yes.status()).isEqualTo(200);
        assertThat(yes.json().toString()).isEqualTo("{\"status\":\"OK\",\"exists\":true}");
        Response no = api.request("GET", "/auth/public/emailpassword/email/exists")
                .rid("emailpassword")
                .query("email", "other@example.com")
                .send();
        assertThat(no.json().toString()).isEqualTo("{\"status\":\"OK\",\"exists\":false}");
        Response oldPath = api.request("GET", "/auth/signup/email/exists")
                .query("email", "exists@example.com")
                .send();
        assertThat(oldPath.json().get("exists").asBoolean()).isTrue();
    }

    @Test
    void emailExistsWithoutTheParameterIs400() {
        Response response = api.request("GET", "/auth/emailpassword/email/exists")
                .rid("emailpassword")
                .send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().toString()).isEqualTo("{\"message\":\"Please provide the email as a GET param\"}");
    }

    @Test
    void preflightsFromTheSiteAreAnsweredForKnownRoutes() {
        Response response = api.request("OPTIONS", "/auth/session/refresh")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "rid,fdi-version,st-auth-mode,content-type")
                .send();
        assertThat(response.status()).isEqualTo(204);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(TestApi.SITE);
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Allow-Methods")).isEqualTo("POST, OPTIONS");
        assertThat(response.header("Access-Control-Allow-Headers"))
                .contains("rid", "fdi-version", "st-auth-mode", "anti-csrf", "authorization", "content-type");
        Response foreign = api.request("OPTIONS", "/auth/signin")
                .withoutHeader("Origin")
                .header("Origin", "https://evil.example")
                .send();
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();
        assertThat(api.request("OPTIONS", "/auth/nope").send().status()).isEqualTo(404);
    }

    @Test
    void unknownRoutesWrongMethodsAndHugeBodiesAreJsonErrors() {
        Response unknown = api.request("POST", "/auth/passwordless/code").send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("No such route: /auth/passwordless/code");
        Response wrongMethod = api.request("DELETE", "/auth/signout").send();
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("message").asText()).isEqualTo("Method DELETE is not allowed here");
        Response huge = api.request("POST", "/auth/signup")
                .json("{\"x\":\"" + "a".repeat(100_000) + "\"}")
                .send();
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("message").asText()).startsWith("Request body is larger than");
    }

    @Test
    void anEventWithoutPathIsA400NotACrash() throws Exception {
        try (TestApi other = new TestApi()) {
            AuthApiHandler handler = new AuthApiHandler(Map.of(
                    "SUPERTOKENS_CONNECTION_URI",
                    other.core.uri().toString(),
                    "API_DOMAIN",
                    TestApi.API,
                    "WEBSITE_DOMAIN",
                    TestApi.SITE));
            APIGatewayProxyResponseEvent response =
                    ProxyBoundary.invoke(handler, new APIGatewayProxyRequestEvent().withHttpMethod("GET"));
            assertThat(response.getStatusCode()).isEqualTo(400);
            assertThat(response.getBody()).contains("\"message\"");
        }
    }

    @Test
    void aBadEnvironmentFailsTheInitNamingTheVariable() {
        assertThatThrownBy(() -> new AuthApiHandler(Map.of("API_DOMAIN", TestApi.API, "WEBSITE_DOMAIN", TestApi.SITE)))
                .hasMessageContaining("SUPERTOKENS_CONNECTION_URI");
        assertThatThrownBy(() -> new AuthApiHandler(
                        Map.of("SUPERTOKENS_CONNECTION_URI", "http://127.0.0.1:1", "API_DOMAIN", TestApi.API)))
                .hasMessageContaining("WEBSITE_DOMAIN");
        assertInitFailsOn("EMAIL_SENDER", "carrier-pigeon");
        assertInitFailsOn("LOG_LEVEL", "LOUD");
    }

    /** A complete environment but for one bad {@code variable}: the init fails naming it. */
    private static void assertInitFailsOn(String variable, String badValue) {
        Map<String, String> environment = Map.of(
                "SUPERTOKENS_CONNECTION_URI",
                "http://127.0.0.1:1",
                "API_DOMAIN",
                TestApi.API,
                "WEBSITE_DOMAIN",
                TestApi.SITE,
                variable,
                badValue);
        assertThatThrownBy(() -> new AuthApiHandler(environment)).hasMessageContaining(variable);
    }
}
