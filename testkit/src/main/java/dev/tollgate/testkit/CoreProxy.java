package dev.tollgate.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback hop in front of a real core (the stand-in) that injects what the core itself cannot
 * produce: every call failing with a status, or one route answering a canned body. Everything else is
 * forwarded unchanged, and every exchange is recorded so a test can assert which calls were made.
 */
public final class CoreProxy implements AutoCloseable {

    /** One call as it passed: "METHOD path" (path without query) and the body answered. */
    public record Exchange(String call, int status, String responseBody) {}

    private record Canned(int status, String body) {}

    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final URI upstream;
    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final Map<String, Canned> canned = new ConcurrentHashMap<>();
    private volatile int failureStatus;

    private CoreProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "core-proxy");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /** A proxy forwarding to the core at {@code upstream} (scheme, host and port). */
    public static CoreProxy to(URI upstream) throws IOException {
        return new CoreProxy(upstream);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every later call answers with this HTTP status, without reaching the core (0 to forward again). */
    public void failWith(int status) {
        failureStatus = status;
    }

    /** Answers {@code method path} with this status and JSON body instead of asking the core. */
    public void answer(String method, String path, int status, String body) {
        canned.put(method + " " + path, new Canned(status, body));
    }

    /** "METHOD /path" of every call so far. */
    public List<String> calls() {
        return exchanges.stream().map(Exchange::call).toList();
    }

    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** The body of the last answer to {@code "METHOD /path"}. */
    public String lastAnswerTo(String call) {
        return exchanges.stream()
                .filter(e -> e.call().equals(call))
                .reduce((a, b) -> b)
                .map(Exchange::responseBody)
                .orElseThrow(() -> new AssertionError("no call " + call + " passed the proxy"));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String call = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath();
            byte[] requestBody = ex.getRequestBody().readAllBytes();
            Canned fixed =
                    failureStatus != 0 ? new Canned(failureStatus, "core is failing on purpose") : canned.get(call);
            int status;
            String body;
            String contentType = "application/json; charset=utf-8";
            if (fixed != null) {
                status = fixed.status();
                body = fixed.body();
            } else {
                HttpResponse<String> response = forward(ex, requestBody);
                status = response.statusCode();
                body = response.body();
                contentType = response.headers().firstValue("content-type").orElse(contentType);
            }
            exchanges.add(new Exchange(call, status, body));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", contentType);
            ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                ex.getResponseBody().write(bytes);
            }
        }
    }

    private HttpResponse<String> forward(HttpExchange ex, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        upstream.resolve(ex.getRequestURI().toString()))
                .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        ex.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the core", e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
