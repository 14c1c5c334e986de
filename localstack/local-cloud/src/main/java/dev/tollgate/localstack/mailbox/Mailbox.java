package dev.tollgate.localstack.mailbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.tollgate.localstack.LocalCloudLog;
import dev.tollgate.localstack.http.AllowedMethods;
import dev.tollgate.localstack.http.LoopbackServer;
import dev.tollgate.localstack.http.PathHandler;
import dev.tollgate.localstack.http.QueryString;
import dev.tollgate.localstack.http.Replies;
import dev.tollgate.localstack.http.RequestBodies;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The dev mailbox: receives the auth API's webhook emails at {@code POST /messages}, lists them newest
 * first as JSON at {@code GET /messages} (optionally {@code ?to=<address>}), one at
 * {@code GET /messages/<id>} (the {@code Location} of the 201), and as a small page at {@code GET /}. Keeps the newest {@value #CAPACITY} messages in memory.
 */
public final class Mailbox implements AutoCloseable {

    static final int CAPACITY = 500;
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final AllowedMethods READ = AllowedMethods.of("GET");
    private static final AllowedMethods READ_WRITE = AllowedMethods.of("GET", "POST");

    private volatile LoopbackServer server;
    private final Clock clock;
    private final int capacity;
    private final String readableFrom;
    private final Deque<Message> messages = new ArrayDeque<>();

    private Mailbox(Clock clock, int capacity, String readableFrom) {
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
        Mailbox mailbox = new Mailbox(Clock.systemUTC(), capacity, readableFrom);
        mailbox.server = LoopbackServer.start("mailbox", port, 4, PathHandler.closing(mailbox::route));
        return mailbox;
    }

    /** {@code http://localhost:<port>}. */
    public URI uri() {
        return server.localhostOrigin();
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
        server.close();
    }

    private void route(HttpExchange exchange, String path, String method) throws IOException {
        switch (path) {
            case "/messages" -> {
                if (method.equals("POST")) {
                    receive(exchange);
                } else if (READ.permits(method)) {
                    list(exchange);
                } else {
                    methodNotAllowed(exchange, READ_WRITE);
                }
            }
            case "/" -> {
                if (READ.permits(method)) {
                    send(exchange, 200, "text/html; charset=utf-8", MailboxPage.render(messages()));
                } else {
                    methodNotAllowed(exchange, READ);
                }
            }
            default -> {
                if (path.startsWith("/messages/") && READ.permits(method)) {
                    one(exchange, path.substring("/messages/".length()));
                } else if (path.startsWith("/messages/")) {
                    methodNotAllowed(exchange, READ);
                } else {
                    error(exchange, 404, "no such resource: " + path);
                }
            }
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        if (!RequestBodies.isJson(exchange)) {
            error(exchange, 415, "Content-Type must be application/json");
            return;
        }
        byte[] body;
        try {
            body = RequestBodies.read(exchange, MAX_BODY_BYTES);
        } catch (RequestBodies.TooLarge e) {
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
        String to;
        try {
            to = QueryString.parse(exchange.getRequestURI().getRawQuery())
                    .first("to")
                    .orElse(null);
        } catch (QueryString.MalformedQueryException e) {
            error(exchange, 400, e.getMessage());
            return;
        }
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

    private static void methodNotAllowed(HttpExchange exchange, AllowedMethods allowed) throws IOException {
        Replies.allow(exchange, allowed);
        error(exchange, 405, "method not allowed; use " + allowed.header());
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        send(
                exchange,
                status,
                "application/json",
                JSON.createObjectNode().put("message", message).toString());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        Replies.send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
