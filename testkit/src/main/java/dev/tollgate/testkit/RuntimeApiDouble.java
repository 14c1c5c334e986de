package dev.tollgate.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) on loopback, just enough for AWS's runtime interface client:
 * {@code GET /runtime/invocation/next} hands out queued events, {@code POST .../response} and
 * {@code .../error} complete them, {@code POST /runtime/init/error} records a failed init.
 */
public final class RuntimeApiDouble implements AutoCloseable {

    /** What the function answered: its payload, or the error document the runtime client posted. */
    public record Answer(boolean error, String body, long receivedAtNanos) {}

    private record Pending(String requestId, String event) {}

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<Answer>> inFlight = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();
    private final CompletableFuture<Long> firstPollAt = new CompletableFuture<>();
    private volatile boolean closed;

    private RuntimeApiDouble(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    public static RuntimeApiDouble start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        RuntimeApiDouble api = new RuntimeApiDouble(server, executor);
        server.createContext(PREFIX, api::handle);
        server.start();
        return api;
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Queues one invocation; completes when the function answers. */
    public CompletableFuture<Answer> invoke(String event) {
        String id = UUID.randomUUID().toString();
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        inFlight.put(id, answer);
        queue.add(new Pending(id, event));
        return answer;
    }

    /** Completes with the body of {@code /runtime/init/error} if the function's init fails. */
    public CompletableFuture<String> initError() {
        return initError;
    }

    /** Completes (with {@link System#nanoTime()}) when the runtime first asks for work: init is done. */
    public CompletableFuture<Long> firstPoll() {
        return firstPollAt;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath().substring(PREFIX.length());
            String method = ex.getRequestMethod();
            if (method.equals("GET") && path.equals("invocation/next")) {
                next(ex);
            } else if (method.equals("POST") && path.equals("init/error")) {
                initError.complete(body(ex));
                send(ex, 202, "{\"status\":\"OK\"}");
            } else if (method.equals("POST") && path.startsWith("invocation/")) {
                String[] parts = path.split("/");
                CompletableFuture<Answer> answer = parts.length == 3 ? inFlight.remove(parts[1]) : null;
                if (answer == null) {
                    send(ex, 400, "{\"errorMessage\":\"unknown request id\"}");
                    return;
                }
                answer.complete(new Answer(parts[2].equals("error"), body(ex), System.nanoTime()));
                send(ex, 202, "{\"status\":\"OK\"}");
            } else {
                send(ex, 404, "{\"errorMessage\":\"not found\"}");
            }
        }
    }

    private void next(HttpExchange ex) throws IOException {
        firstPollAt.complete(System.nanoTime());
        Pending pending = null;
        while (pending == null && !closed) {
            try {
                pending = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (pending == null) {
            return;
        }
        // AWS's native runtime client crashes (SIGSEGV) on a next-invocation answer without Content-Type.
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", pending.requestId());
        ex.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        ex.getResponseHeaders()
                .add(
                        "Lambda-Runtime-Invoked-Function-Arn",
                        "arn:aws:lambda:us-east-1:000000000000:function:tollgate-authorizer");
        ex.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        send(ex, 200, pending.event());
    }

    private static String body(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        closed = true;
        server.stop(0);
        executor.shutdownNow();
    }
}
