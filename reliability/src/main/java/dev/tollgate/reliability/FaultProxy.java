package dev.tollgate.reliability;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on loopback that stands between the functions and a dependency (the SuperTokens core, the
 * DynamoDB emulator) and fails on command, the hook the fault tests inject through:
 * {@link Mode#HANG} accepts and never answers (a hung process), {@link Mode#REFUSE} closes the port (a
 * process gone: connections are refused), {@link Mode#FAIL} answers every call with a fixed 5xx.
 * Records the time and path of every call that reached it, so a test can look for bursts.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Mode {
        PASS,
        HANG,
        REFUSE,
        FAIL
    }

    /** One call that reached the proxy. */
    public record Call(long atNanos, String path) {}

    private static final Set<String> NOT_FORWARDED =
            Set.of("host", "connection", "content-length", "expect", "upgrade", "transfer-encoding", "keep-alive");

    private final URI target;
    private final int port;
    private final int failStatus;
    private final String failBody;
    private final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fault-proxy");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Object lock = new Object();
    private Mode mode = Mode.PASS;
    private HttpServer server;

    private FaultProxy(URI target, int failStatus, String failBody) {
        this.target = target;
        this.failStatus = failStatus;
        this.failBody = failBody;
        this.server = bind(0);
        this.port = server.getAddress().getPort();
    }

    /**
     * @param target     where calls go while healthy, e.g. {@code http://127.0.0.1:3567}
     * @param failStatus the status {@link Mode#FAIL} answers
     * @param failBody   the JSON body {@link Mode#FAIL} answers
     */
    public static FaultProxy start(URI target, int failStatus, String failBody) {
        return new FaultProxy(target, failStatus, failBody);
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Switches the fault; leaving {@link Mode#HANG} releases the held calls, leaving REFUSE binds again. */
    public void mode(Mode next) {
        synchronized (lock) {
            if (next == mode) {
                return;
            }
            if (next == Mode.REFUSE) {
                server.stop(0);
            } else if (mode == Mode.REFUSE) {
                server = bind(port);
            }
            mode = next;
            lock.notifyAll();
        }
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Calls to a path that contains {@code fragment}, made after {@code sinceNanos}. */
    public long count(String fragment, long sinceNanos) {
        return calls.stream()
                .filter(call -> call.atNanos() >= sinceNanos && call.path().contains(fragment))
                .count();
    }

    @Override
    public void close() {
        synchronized (lock) {
            mode = Mode.REFUSE;
            lock.notifyAll();
            server.stop(0);
        }
        workers.shutdownNow();
    }

    private HttpServer bind(int onPort) {
        try {
            HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 64);
            created.createContext("/", this::handle);
            created.setExecutor(workers);
            created.start();
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("fault proxy: cannot bind 127.0.0.1:" + onPort, e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            calls.add(new Call(System.nanoTime(), exchange.getRequestURI().getPath()));
            byte[] body = exchange.getRequestBody().readAllBytes();
            Mode now = awaitNotHanging();
            if (now == Mode.FAIL) {
                reply(exchange, failStatus, failBody.getBytes(StandardCharsets.UTF_8), "application/x-amz-json-1.0");
                return;
            }
            if (now == Mode.REFUSE) {
                return; // closed without an answer, as a dying process does
            }
            forward(exchange, body);
        }
    }

    private Mode awaitNotHanging() {
        synchronized (lock) {
            while (mode == Mode.HANG) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Mode.REFUSE;
                }
            }
            return mode;
        }
    }

    private void forward(HttpExchange exchange, byte[] body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        target.resolve(exchange.getRequestURI().toString()))
                .timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        try (InputStream in = response.body()) {
            byte[] answer = in.readAllBytes();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
