package dev.tollgate.localstack.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoopbackServerTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesOnLoopbackOnAnEphemeralPortWithThreadsNamedAfterTheComponent() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        try (LoopbackServer server = LoopbackServer.start("probe", 0, 2, exchange -> {
            try (exchange) {
                thread.set(Thread.currentThread().getName() + " daemon="
                        + Thread.currentThread().isDaemon());
                Replies.text(exchange, 200, "hi");
            }
        })) {
            assertThat(server.port()).isPositive();
            assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port()));

            HttpResponse<String> response = get(server.uri().resolve("/x"), "GET");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("hi\n");
            assertThat(response.headers().firstValue("Content-Type")).hasValue(Replies.TEXT);
            assertThat(thread.get()).isEqualTo("probe-http-1 daemon=true");
        }
    }

    @Test
    void aPathHandlerGetsTheDecodedPathAndTheMethodAndTheExchangeIsClosedAfterIt() throws Exception {
        AtomicReference<String> handled = new AtomicReference<>();
        try (LoopbackServer server =
                LoopbackServer.start("probe", 0, 2, PathHandler.closing((exchange, path, method) -> {
                    handled.set(method + " " + path);
                    // a chunked body the handler leaves open: only closing the exchange ends it
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write("open".getBytes(StandardCharsets.UTF_8));
                }))) {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(server.uri().resolve("/a%20b?x=1"))
                            .timeout(Duration.ofSeconds(10))
                            .method("DELETE", HttpRequest.BodyPublishers.noBody()));

            assertThat(response.body()).isEqualTo("open");
            assertThat(handled.get()).isEqualTo("DELETE /a b");
        }
    }

    @Test
    void aPortInUseIsOneLineNamingComponentAndPort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> LoopbackServer.start("mailbox", taken.getLocalPort(), 1, exchange -> {}))
                    .isInstanceOf(PortInUseException.class)
                    .hasMessage("mailbox: port " + taken.getLocalPort() + " on 127.0.0.1 is in use")
                    .satisfies(e -> assertThat(((PortInUseException) e).port()).isEqualTo(taken.getLocalPort()));
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> LoopbackServer.start("web", 70000, 1, exchange -> {}))
                .hasMessage("web: port must be 0..65535, was 70000");
        assertThatThrownBy(() -> LoopbackServer.start("web", 0, 0, exchange -> {}))
                .hasMessage("web: needs at least one thread, was 0");
        assertThatThrownBy(() -> LoopbackServer.start(" ", 0, 1, exchange -> {}))
                .hasMessage("a loopback server needs a component name");
    }

    @Test
    void closingFreesThePort() throws IOException {
        LoopbackServer server = LoopbackServer.start("probe", 0, 1, exchange -> exchange.close());
        int port = server.port();
        server.close();

        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void headIsAnsweredLikeGetWithoutABodyAndAWrongMethodIs405WithAllow() throws Exception {
        AllowedMethods allowed = AllowedMethods.of("GET", "POST");
        try (LoopbackServer server = LoopbackServer.start(
                "probe", 0, 2, allowed.guard(exchange -> Replies.json(exchange, 200, "{\"ok\":true}")))) {
            HttpResponse<String> get = get(server.uri(), "GET");
            HttpResponse<String> head = get(server.uri(), "HEAD");
            HttpResponse<String> delete = get(server.uri(), "DELETE");

            assertThat(get.body()).isEqualTo("{\"ok\":true}");
            assertThat(head.statusCode()).isEqualTo(200);
            assertThat(head.body()).isEmpty();
            assertThat(head.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(delete.statusCode()).isEqualTo(405);
            assertThat(delete.headers().firstValue("Allow")).hasValue("GET, HEAD, POST");
            assertThat(delete.body()).isEqualTo("method not allowed; use GET, HEAD, POST\n");
        }
    }

    @Test
    void aBodyOverTheLimitIsRefused() throws Exception {
        try (LoopbackServer server = LoopbackServer.start("probe", 0, 2, exchange -> {
            try (exchange) {
                try {
                    byte[] body = RequestBodies.read(exchange, 4);
                    Replies.text(exchange, 200, "got " + body.length);
                } catch (RequestBodies.TooLarge e) {
                    Replies.text(exchange, 413, e.getMessage());
                }
            }
        })) {
            assertThat(post(server.uri(), "1234").body()).isEqualTo("got 4\n");
            HttpResponse<String> tooLarge = post(server.uri(), "12345");
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).isEqualTo("request body larger than 4 bytes\n");
        }
    }

    @Test
    void aJsonBodyIsDeclaredByContentTypeInAnyCaseWithParameters() throws Exception {
        try (LoopbackServer server = LoopbackServer.start("probe", 0, 2, exchange -> {
            try (exchange) {
                Replies.text(exchange, 200, "json=" + RequestBodies.isJson(exchange));
            }
        })) {
            assertThat(post(server.uri(), "{}", "application/json").body()).isEqualTo("json=true\n");
            assertThat(post(server.uri(), "{}", "Application/JSON; charset=utf-8")
                            .body())
                    .isEqualTo("json=true\n");
            assertThat(post(server.uri(), "{}", "text/plain").body()).isEqualTo("json=false\n");
            assertThat(post(server.uri(), "{}").body()).as("no Content-Type").isEqualTo("json=false\n");
        }
    }

    private HttpResponse<String> get(URI uri, String method) throws Exception {
        return send(HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> post(URI uri, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> post(URI uri, String body, String contentType) throws Exception {
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
