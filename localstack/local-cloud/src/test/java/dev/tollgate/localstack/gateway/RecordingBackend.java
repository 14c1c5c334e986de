package dev.tollgate.localstack.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback HTTP server standing in for AppSync: records what it received, answers what it is told. */
final class RecordingBackend implements AutoCloseable {

    record Received(String method, String path, Map<String, List<String>> headers, String body) {
        /** Header names in lower case. */
        List<String> header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    volatile int status = 200;
    volatile String body = "{\"data\":{\"ok\":true}}";
    volatile long delayMillis;

    RecordingBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Map<String, List<String>> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            received.add(new Received(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().toString(),
                    headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] out = body.getBytes(StandardCharsets.UTF_8);
            // Headers the gateway must drop: a backend cannot set cookies or CORS through a non-proxy
            // integration.
            exchange.getResponseHeaders().add("Set-Cookie", "backend=1");
            exchange.getResponseHeaders().add("X-Backend-Secret", "s3cr3t");
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(status, out.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(out);
            }
        });
        server.start();
    }

    String graphqlUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/graphql";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
