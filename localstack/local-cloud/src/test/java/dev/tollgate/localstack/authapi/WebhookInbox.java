package dev.tollgate.localstack.authapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Receives the auth API's webhook emails ({@code POST /messages}) on a loopback port. */
final class WebhookInbox implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();

    WebhookInbox() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/messages", exchange -> {
            try (exchange) {
                if (!"POST".equals(exchange.getRequestMethod())
                        || !"application/json"
                                .equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                messages.add(ProxyEvent.JSON.readTree(exchange.getRequestBody()));
                exchange.sendResponseHeaders(201, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/messages";
    }

    List<JsonNode> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
