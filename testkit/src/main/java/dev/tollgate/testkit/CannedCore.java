package dev.tollgate.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback core (or any JSON service: the resolver's tests use it as DynamoDB) that answers canned
 * responses per "METHOD path" (a golden capture, a 500, a slow or hanging answer) and records what it received (method, path with query, headers lower-cased, body).
 * A route nobody set up answers 404. {@link #refusingUri()} is a core that refuses connections.
 */
public final class CannedCore implements AutoCloseable {
    public record Received(String method, String pathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : v.get(0);
        }
    }

    /**
     * One answer; {@code delayMillis} holds it back first (longer than a client's timeout: a hang);
     * {@code headers} are added to the JSON content type.
     */
    public record Answer(int status, String body, long delayMillis, Map<String, String> headers) {
        public Answer {
            headers = Map.copyOf(headers);
        }

        public Answer(int status, String body, long delayMillis) {
            this(status, body, delayMillis, Map.of());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public CannedCore() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "canned-core");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * The address of a core that refuses connections: a loopback port that was free a moment ago and
     * that nothing listens on.
     */
    public static URI refusingUri() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
    }

    /** Answers {@code method path} (path without query) with these responses in turn; the last one repeats. */
    public CannedCore on(String method, String path, Answer... sequence) {
        if (sequence.length == 0) {
            throw new IllegalArgumentException("at least one answer for " + method + " " + path);
        }
        answers.put(method + " " + path, List.of(sequence));
        served.put(method + " " + path, new AtomicInteger());
        return this;
    }

    public CannedCore on(String method, String path, int status, String body) {
        return on(method, path, new Answer(status, body, 0));
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Received> received() {
        return received;
    }

    public Received last() {
        return received.get(received.size() - 1);
    }

    /** The JSON body of the last request to {@code pathAndQuery}. */
    public JsonNode lastBodySentTo(String pathAndQuery) throws IOException {
        Received r = received.stream()
                .filter(x -> x.pathAndQuery().equals(pathAndQuery))
                .reduce((x, y) -> y)
                .orElseThrow(() -> new AssertionError("nothing was sent to " + pathAndQuery));
        return AccessTokens.MAPPER.readTree(r.body());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        URI uri = exchange.getRequestURI();
        received.add(new Received(
                exchange.getRequestMethod(),
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                headers,
                body));
        String key = exchange.getRequestMethod() + " " + uri.getRawPath();
        List<Answer> sequence = answers.get(key);
        Answer answer;
        if (sequence == null) {
            answer = new Answer(404, "no such route in canned core: " + key, 0);
        } else {
            int i = served.get(key).getAndIncrement();
            answer = sequence.get(Math.min(i, sequence.size() - 1));
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        answer.headers().forEach(exchange.getResponseHeaders()::add);
        try {
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException ignored) {
            // the client timed out and left
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
