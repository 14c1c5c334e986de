package dev.tollgate.localstack.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * The core stand-in's JSON input: any body on any of the CDI routes the functions call gets an answer
 * below 500 (a 400 naming the problem, or the route's answer), never an unhandled failure.
 * Seeds: {@code CoreJsonInputFuzzTestInputs/}.
 */
class CoreJsonInputFuzzTest {

    private static final List<String> ROUTES = List.of(
            "/public/recipe/signup",
            "/public/recipe/signin",
            "/public/recipe/session",
            "/recipe/session/verify",
            "/recipe/session/refresh",
            "/recipe/session/remove",
            "/public/recipe/user/email/verify/token",
            "/public/recipe/user/email/verify",
            "/recipe/session/regenerate");
    private static final CoreStandIn CORE = start();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static CoreStandIn start() {
        CoreStandIn core = CoreStandIn.start(CoreConfig.builder().port(0).build());
        Runtime.getRuntime().addShutdownHook(new Thread(core::close));
        return core;
    }

    @FuzzTest(maxDuration = "60s")
    void anyJsonBody(FuzzedDataProvider data) throws Exception {
        String route = data.pickValue(ROUTES);
        String method = data.consumeBoolean() ? "POST" : "PUT";
        byte[] body = data.consumeRemainingAsBytes();
        HttpResponse<String> answer = HTTP.send(
                HttpRequest.newBuilder(CORE.uri().resolve(route))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("cdi-version", "5.4")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("%s %s", route, answer.body()).isLessThan(500);
    }
}
