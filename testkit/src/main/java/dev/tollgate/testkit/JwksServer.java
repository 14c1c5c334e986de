package dev.tollgate.testkit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback core serving only {@code /.well-known/jwks.json}, publishing the shared keys of the given
 * kids ({@link SigningKey#of}); it can rotate keys, publish any document, fail with a status and be slow.
 */
public final class JwksServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;
    private final AtomicInteger hits = new AtomicInteger();
    private volatile String document;
    private volatile int status = 200;
    private volatile long delayMillis;

    public JwksServer(String... kids) throws IOException {
        this.document = SigningKey.jwks(kids);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/.well-known/jwks.json", exchange -> {
            hits.incrementAndGet();
            try {
                if (delayMillis > 0) {
                    Thread.sleep(delayMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = (status == 200 ? document : "oops").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException ignored) {
                // the client gave up (timeout test)
            }
        });
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jwks-test-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** From now on publishes the shared keys of these kids. */
    public void publish(String... kids) {
        this.document = SigningKey.jwks(kids);
    }

    public void publishRaw(String json) {
        this.document = json;
    }

    public void fail(int httpStatus) {
        this.status = httpStatus;
    }

    public void recover() {
        this.status = 200;
    }

    public void slow(long millis) {
        this.delayMillis = millis;
    }

    public int hits() {
        return hits.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
