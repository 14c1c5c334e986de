package dev.tollgate.authapi.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.authapi.AuthApiFactory;
import dev.tollgate.authapi.AuthApiHandler;
import dev.tollgate.authapi.config.AuthApiConfig;
import dev.tollgate.authapi.fixtures.CoreUnderTest;
import dev.tollgate.authapi.fixtures.ProxyBoundary;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The auth API on hostile AWS_PROXY events (method, path, headers, cookies, body, base64 flag all chosen by
 * the fuzzer) against a live core stand-in: every event gets an answer with a status, never an exception
 * that Lambda would turn into a 502, and never a 5xx, which is reserved for core failures.
 * Seeds: {@code AuthApiFuzzTestInputs/}.
 */
class AuthApiFuzzTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "OPTIONS", "PATCH");
    private static final List<String> PATHS = List.of(
            "/auth/signup",
            "/auth/signin",
            "/auth/signup/email/exists",
            "/auth/emailpassword/email/exists",
            "/auth/session/refresh",
            "/auth/signout",
            "/auth/user/email/verify/token",
            "/auth/user/email/verify",
            "/auth/jwt/jwks.json");
    private static final List<String> HEADERS = List.of(
            "rid", "fdi-version", "st-auth-mode", "Cookie", "Authorization", "Content-Type", "Origin", "anti-csrf");
    private static final CoreUnderTest CORE = CoreUnderTest.start(Clock.systemUTC());
    private static final AuthApiHandler HANDLER = handler();

    private static AuthApiHandler handler() {
        Runtime.getRuntime().addShutdownHook(new Thread(CORE::close));
        Map<String, String> env = new HashMap<>();
        env.put("SUPERTOKENS_CONNECTION_URI", CORE.uri().toString());
        env.put("API_DOMAIN", "http://localhost:4000");
        env.put("API_GATEWAY_PATH", "/dev");
        env.put("API_BASE_PATH", "/auth");
        env.put("WEBSITE_DOMAIN", "http://localhost:3000");
        env.put("SUPERTOKENS_REQUEST_TIMEOUT_MS", "30000");
        return new AuthApiHandler(AuthApiFactory.create(
                AuthApiConfig.fromEnvironment(env),
                email -> {},
                new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "60s")
    void anyProxyEvent(FuzzedDataProvider data) {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent();
        event.setHttpMethod(data.pickValue(METHODS));
        String path = data.consumeBoolean() ? data.pickValue(PATHS) : "/auth/" + data.consumeString(60);
        event.setPath("/dev" + path);
        event.setResource("/auth/{proxy+}");
        event.setPathParameters(Map.of("proxy", path.substring("/auth/".length())));
        Map<String, String> headers = new HashMap<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            headers.put(data.pickValue(HEADERS), data.consumeString(300));
        }
        event.setHeaders(headers);
        Map<String, List<String>> multi = new HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        event.setMultiValueHeaders(multi);
        event.setIsBase64Encoded(data.consumeBoolean());
        event.setBody(data.consumeBoolean() ? null : data.consumeRemainingAsString());

        APIGatewayProxyResponseEvent response = ProxyBoundary.invoke(HANDLER, event);

        assertThat(response).isNotNull();
        assertThat(response.getStatusCode()).isBetween(200, 499);
    }
}
