package dev.tollgate.localstack.web;

import com.sun.net.httpserver.HttpExchange;
import dev.tollgate.localstack.LocalCloudLog;
import dev.tollgate.localstack.http.AllowedMethods;
import dev.tollgate.localstack.http.LoopbackServer;
import dev.tollgate.localstack.http.Replies;
import dev.tollgate.log.Level;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Serves a built static site on its own origin, as S3/CloudFront would: GET and HEAD only, a directory
 * serves its {@code index.html}, content types by extension, nothing outside the folder reachable; plus
 * the generated {@code /config.json} that tells the site where the API and the mailbox are.
 */
public final class WebHost implements AutoCloseable {

    private static final AllowedMethods METHODS = AllowedMethods.of("GET");

    private final Path root;
    private volatile LoopbackServer server;
    private volatile String configJson;

    private WebHost(Path root) {
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
        WebHost host = new WebHost(root);
        host.server = LoopbackServer.start("web-host", port, 8, host::handle);
        return host;
    }

    /** {@code http://localhost:<port>}: the site's origin (browsers treat localhost as a secure context). */
    public URI origin() {
        return server.localhostOrigin();
    }

    public int port() {
        return server.port();
    }

    public void publishConfig(WebConfig config) {
        this.configJson = config.toJson();
    }

    @Override
    public void close() {
        server.close();
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
        if (!METHODS.permits(method)) {
            Replies.allow(exchange, METHODS);
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
        if (Replies.isHead(exchange)) {
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
        return bytes(exchange, status, Replies.TEXT, (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static int bytes(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        commonHeaders(exchange);
        Replies.send(exchange, status, contentType, body);
        return status;
    }

    private static void commonHeaders(HttpExchange exchange) {
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        // a dev server: always revalidate, so a rebuilt site shows at once
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
    }
}
