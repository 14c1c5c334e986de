package dev.tollgate.localstack.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.localstack.LocalCloudLog;
import dev.tollgate.log.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a built static site on its own origin, as S3/CloudFront would: GET and HEAD only, a directory
 * serves its {@code index.html}, content types by extension, nothing outside the folder reachable; plus
 * the generated {@code /config.json} that tells the site where the API and the mailbox are.
 */
public final class WebHost implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final Path root;
    private volatile String configJson;

    private WebHost(HttpServer server, ExecutorService threads, Path root) {
        this.server = server;
        this.threads = threads;
        this.root = root;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 = ephemeral) and serves {@code siteRoot}; {@code /config.json} answers
     * 503 until {@link #publishConfig} is called.
     */
    public static WebHost start(int port, Path siteRoot) {
        Path root;
        try {
            root = siteRoot.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("web site folder not found: " + siteRoot.toAbsolutePath());
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("web site folder is not a directory: " + root);
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("web host: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "web-host");
            thread.setDaemon(true);
            return thread;
        });
        WebHost host = new WebHost(server, threads, root);
        server.createContext("/", host::handle);
        server.setExecutor(threads);
        server.start();
        return host;
    }

    /** {@code http://localhost:<port>}: the site's origin (browsers treat localhost as a secure context). */
    public URI origin() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public void publishConfig(WebConfig config) {
        this.configJson = config.toJson();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        int status;
        try (exchange) {
            status = respond(exchange);
        }
        // the path only: query strings carry one-time tokens (verify-email?token=...)
        LocalCloudLog.of("web")
                .line(Level.INFO, "request")
                .latencySince(started)
                .field("method", exchange.getRequestMethod())
                .field("path", exchange.getRequestURI().getRawPath())
                .field("status", status)
                .write();
    }

    private int respond(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            return text(exchange, 405, "method not allowed");
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        if ("/config.json".equals(rawPath)) {
            String config = configJson;
            if (config == null) {
                return text(exchange, 503, "the local cloud is still starting");
            }
            return bytes(exchange, 200, "application/json", config.getBytes(StandardCharsets.UTF_8));
        }
        Optional<List<String>> segments = SitePath.segments(rawPath);
        if (segments.isEmpty()) {
            return text(exchange, 400, "invalid path");
        }
        Optional<Path> file = resolve(segments.get());
        if (file.isEmpty()) {
            return text(exchange, 404, "not found");
        }
        return file(exchange, file.get());
    }

    /** The regular file a path names inside the site (a directory meaning its index.html). */
    private Optional<Path> resolve(List<String> segments) throws IOException {
        Path candidate = root;
        for (String segment : segments) {
            candidate = candidate.resolve(segment);
        }
        if (Files.isDirectory(candidate)) {
            candidate = candidate.resolve("index.html");
        }
        if (!Files.isRegularFile(candidate)) {
            return Optional.empty();
        }
        try {
            Path real = candidate.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        }
    }

    private static int file(HttpExchange exchange, Path file) throws IOException {
        long size = Files.size(file);
        exchange.getResponseHeaders()
                .set("Content-Type", ContentTypes.of(file.getFileName().toString()));
        commonHeaders(exchange);
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(200, -1);
            return 200;
        }
        exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
        try (InputStream in = Files.newInputStream(file);
                OutputStream out = exchange.getResponseBody()) {
            in.transferTo(out);
        }
        return 200;
    }

    private static int text(HttpExchange exchange, int status, String message) throws IOException {
        return bytes(exchange, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static int bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        commonHeaders(exchange);
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    private static void commonHeaders(HttpExchange exchange) {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // a dev server: always revalidate, so a rebuilt site shows at once
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    }
}
