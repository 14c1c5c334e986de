package dev.tollgate.localstack.mailbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.localstack.LocalCloudLog;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The dev mailbox: receives the auth API's webhook emails at {@code POST /messages}, lists them newest
 * first as JSON at {@code GET /messages} (optionally {@code ?to=<address>}), one at
 * {@code GET /messages/<id>} (the {@code Location} of the 201), and as a small page at {@code GET /}. Keeps the newest {@value #CAPACITY} messages in memory.
 */
public final class Mailbox implements AutoCloseable {

    static final int CAPACITY = 500;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    private final Clock clock;
    private final int capacity;
    private final String readableFrom;
    private final Deque<Message> messages = new ArrayDeque<>();

    private Mailbox(HttpServer server, ExecutorService threads, Clock clock, int capacity, String readableFrom) {
        this.server = server;
        this.threads = threads;
        this.clock = clock;
        this.capacity = capacity;
        this.readableFrom = readableFrom;
    }

    /** Binds 127.0.0.1:{@code port} (0 = ephemeral) and starts serving; no other origin may read the list. */
    public static Mailbox start(int port) {
        return start(port, CAPACITY, null);
    }

    /**
     * As {@link #start(int)}, and lets pages of {@code webOrigin} (the demo site) read the list. Only that
     * origin: the messages hold verification links, which any other page the developer opens must not read.
     */
    public static Mailbox start(int port, URI webOrigin) {
        return start(port, CAPACITY, webOrigin.getScheme() + "://" + webOrigin.getAuthority());
    }

    static Mailbox start(int port, int capacity, String readableFrom) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException("mailbox: cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "mailbox");
            thread.setDaemon(true);
            return thread;
        });
        Mailbox mailbox = new Mailbox(server, threads, Clock.systemUTC(), capacity, readableFrom);
        server.createContext("/", mailbox::handle);
        server.setExecutor(threads);
        server.start();
        return mailbox;
    }

    /** {@code http://localhost:<port>}. */
    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Where the auth API's webhook sender posts: {@code <uri>/messages}. */
    public URI webhookUrl() {
        return uri().resolve("/messages");
    }

    /** The messages received so far, newest first. */
    public synchronized List<Message> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            switch (path) {
                case "/messages" -> {
                    if (method.equals("POST")) {
                        receive(exchange);
                    } else if (method.equals("GET") || method.equals("HEAD")) {
                        list(exchange);
                    } else {
                        methodNotAllowed(exchange, "GET, HEAD, POST");
                    }
                }
                case "/" -> {
                    if (method.equals("GET") || method.equals("HEAD")) {
                        send(exchange, 200, "text/html; charset=utf-8", MailboxPage.render(messages()));
                    } else {
                        methodNotAllowed(exchange, "GET, HEAD");
                    }
                }
                default -> {
                    if (path.startsWith("/messages/") && (method.equals("GET") || method.equals("HEAD"))) {
                        one(exchange, path.substring("/messages/".length()));
                    } else if (path.startsWith("/messages/")) {
                        methodNotAllowed(exchange, "GET, HEAD");
                    } else {
                        error(exchange, 404, "no such resource: " + path);
                    }
                }
            }
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            error(exchange, 415, "Content-Type must be application/json");
            return;
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            error(exchange, 413, "message larger than " + MAX_BODY_BYTES + " bytes");
            return;
        }
        Message message;
        try {
            message = MessageParser.parse(body, clock.instant());
        } catch (MessageParser.InvalidMessage e) {
            error(exchange, 400, e.getMessage());
            return;
        }
        synchronized (this) {
            messages.addFirst(message);
            while (messages.size() > capacity) {
                messages.removeLast();
            }
        }
        // never the address's mailbox content or the link: a verification link carries a one-time token
        LocalCloudLog.event("mailbox", "received", Map.of("id", message.id(), "type", message.type()));
        exchange.getResponseHeaders().set("Location", "/messages/" + message.id());
        send(
                exchange,
                201,
                "application/json",
                JSON.createObjectNode().put("id", message.id()).toString());
    }

    private void list(HttpExchange exchange) throws IOException {
        String to = queryParameter(exchange.getRequestURI().getRawQuery(), "to");
        ArrayNode array = JSON.createArrayNode();
        for (Message message : messages()) {
            if (to != null && !message.to().equalsIgnoreCase(to)) {
                continue;
            }
            array.add(json(message));
        }
        allowDemoOrigin(exchange);
        send(exchange, 200, "application/json", array.toString());
    }

    /** {@code GET /messages/<id>}: what the {@code Location} of a 201 names. */
    private void one(HttpExchange exchange, String id) throws IOException {
        for (Message message : messages()) {
            if (message.id().equals(id)) {
                allowDemoOrigin(exchange);
                send(exchange, 200, "application/json", json(message).toString());
                return;
            }
        }
        error(exchange, 404, "no message " + id + " (the mailbox keeps the newest " + capacity + ")");
    }

    private static ObjectNode json(Message message) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", message.id());
        node.put("receivedAt", message.receivedAt().toString());
        node.put("to", message.to());
        node.put("subject", message.subject());
        node.put("text", message.text());
        node.put("link", message.link());
        return node;
    }

    private void allowDemoOrigin(HttpExchange exchange) {
        if (readableFrom != null) {
            // the demo page on the web origin reads the messages from the browser
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", readableFrom);
        }
    }

    private static String queryParameter(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (key.equals(name)) {
                try {
                    return URLDecoder.decode(eq < 0 ? "" : pair.substring(eq + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return "";
                }
            }
        }
        return null;
    }

    private static void methodNotAllowed(HttpExchange exchange, String allow) throws IOException {
        exchange.getResponseHeaders().set("Allow", allow);
        error(exchange, 405, "method not allowed; use " + allow);
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(
                exchange,
                status,
                "application/json",
                JSON.createObjectNode().put("message", message).toString());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
