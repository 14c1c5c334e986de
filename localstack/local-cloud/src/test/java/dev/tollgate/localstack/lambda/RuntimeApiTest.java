package dev.tollgate.localstack.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.tollgate.localstack.http.PathHandler;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Runtime API's HTTP surface against a recording backend. */
class RuntimeApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final Recorder backend = new Recorder();
    private HttpServer server;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", PathHandler.closing(new RuntimeApi(backend)));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/2018-06-01/runtime/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void nextSendsTheEventWithTheHeadersOfTheRealApi() throws Exception {
        PendingInvocation invocation = new PendingInvocation(
                "8476a536-e9f4-11e8-9739-2dfe598c3fcd",
                "arn:aws:lambda:us-east-1:000000000000:function:f",
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        invocation.dispatched.complete(1_542_409_706_888L);
        backend.next.add(invocation);

        HttpResponse<String> response = get("invocation/next");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"a\":1}");
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(response.headers().firstValue("Lambda-Runtime-Aws-Request-Id"))
                .contains("8476a536-e9f4-11e8-9739-2dfe598c3fcd");
        assertThat(response.headers().firstValue("Lambda-Runtime-Deadline-Ms")).contains("1542409706888");
        assertThat(response.headers().firstValue("Lambda-Runtime-Invoked-Function-Arn"))
                .contains("arn:aws:lambda:us-east-1:000000000000:function:f");
        assertThat(response.headers().firstValue("Lambda-Runtime-Trace-Id").orElseThrow())
                .matches("Root=1-[0-9a-f]{8}-[0-9a-f]{24};Parent=[0-9a-f]{16};Sampled=0");
    }

    @Test
    void aResponseForTheInvocationInFlightIsAccepted() throws Exception {
        backend.known = "req-1";

        HttpResponse<String> response = post("invocation/req-1/response", "{\"ok\":true}", null);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(backend.payloads).containsExactly("{\"ok\":true}");
    }

    @Test
    void aResponseForAnotherRequestIdIsRejected() throws Exception {
        backend.known = "req-1";

        HttpResponse<String> response = post("invocation/req-2/response", "{}", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("InvalidRequestID");
    }

    /** An invocation's error and an init error are reported with the same documented body. */
    @ParameterizedTest
    @CsvSource({
        "invocation/req-1/error, Unauthorized, java.lang.RuntimeException, Function.Unhandled",
        "init/error, Class not found: x.Y, java.lang.ClassNotFoundException, Runtime.BadFunctionCode"
    })
    void anErrorReportIsReadFromTheDocumentedBody(String resource, String message, String type, String headerType)
            throws Exception {
        backend.known = "req-1";

        HttpResponse<String> response = post(
                resource,
                "{\"errorMessage\":\"" + message + "\",\"errorType\":\"" + type + "\",\"stackTrace\":[]}",
                headerType);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(resource.equals("init/error") ? backend.initErrors : backend.errors)
                .containsExactly(new RuntimeApi.ReportedError(message, type));
    }

    @Test
    void anUnreadableErrorReportStillFailsTheInvocationWithTheHeadersType() throws Exception {
        backend.known = "req-1";

        post("invocation/req-1/error", "not json", "Runtime.Unknown");

        assertThat(backend.errors).containsExactly(new RuntimeApi.ReportedError("Unknown error", "Runtime.Unknown"));
    }

    @Test
    void anOversizedResponseFailsTheInvocation() throws Exception {
        backend.known = "req-1";

        HttpResponse<String> response =
                post("invocation/req-1/response", "x".repeat(RuntimeApi.MAX_RESPONSE_BYTES + 1), null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(backend.errors)
                .extracting(RuntimeApi.ReportedError::errorType)
                .containsExactly("Function.ResponseSizeTooLarge");
    }

    @Test
    void unknownPathsAndMethodsAreRefused() throws Exception {
        assertThat(get("invocation/req-1/response").statusCode()).isEqualTo(405);
        assertThat(post("invocation/next", "", null).statusCode()).isEqualTo(405);
        assertThat(post("invocation/../../x/response", "", null).statusCode()).isEqualTo(404);
        assertThat(http.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                                + server.getAddress().getPort() + "/other"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String errorType) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (errorType != null) {
            request.header("Lambda-Runtime-Function-Error-Type", errorType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final class Recorder implements RuntimeApi.Backend {
        final LinkedBlockingQueue<PendingInvocation> next = new LinkedBlockingQueue<>();
        final List<String> payloads = new ArrayList<>();
        final List<RuntimeApi.ReportedError> errors = new ArrayList<>();
        final List<RuntimeApi.ReportedError> initErrors = new ArrayList<>();
        volatile String known;

        @Override
        public PendingInvocation awaitNext() throws InterruptedException {
            return next.take();
        }

        @Override
        public boolean succeeded(String requestId, byte[] payload) {
            if (!requestId.equals(known)) {
                return false;
            }
            payloads.add(new String(payload, StandardCharsets.UTF_8));
            return true;
        }

        @Override
        public boolean failed(String requestId, RuntimeApi.ReportedError error) {
            if (!requestId.equals(known)) {
                return false;
            }
            errors.add(error);
            return true;
        }

        @Override
        public void initFailed(RuntimeApi.ReportedError error) {
            initErrors.add(error);
        }
    }
}
