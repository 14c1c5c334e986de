package dev.tollgate.authapi.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.tollgate.authapi.error.ApiException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookEmailSenderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final CopyOnWriteArrayList<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(201);
    private HttpServer server;

    private URI start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/messages", exchange -> {
            received.add(exchange.getRequestMethod() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void postsTheMessageAsTheMailboxExpects() throws Exception {
        WebhookEmailSender sender = new WebhookEmailSender(start());
        sender.send(VerificationEmail.forToken("a@b.co", "http://localhost:3000", "tok+en/="));
        assertThat(received).hasSize(1);
        String[] parts = received.get(0).split(" ", 3);
        assertThat(parts[0]).isEqualTo("POST");
        assertThat(parts[1]).isEqualTo("application/json");
        JsonNode body = MAPPER.readTree(parts[2]);
        assertThat(body.get("type").asText()).isEqualTo("EMAIL_VERIFICATION");
        assertThat(body.get("to").asText()).isEqualTo("a@b.co");
        assertThat(body.get("subject").asText()).isNotBlank();
        assertThat(body.get("link").asText())
                .isEqualTo("http://localhost:3000/auth/verify-email?token=tok%2Ben%2F%3D&tenantId=public");
        assertThat(body.get("text").asText()).contains(body.get("link").asText());
    }

    @Test
    void aRefusingWebhookIsADeliveryFailure() throws Exception {
        answer.set(500);
        WebhookEmailSender sender = new WebhookEmailSender(start());
        assertThatThrownBy(() -> sender.send(VerificationEmail.forToken("a@b.co", "http://localhost:3000", "t")))
                .isInstanceOf(ApiException.EmailDeliveryFailure.class)
                .hasMessageContaining("HTTP 500");
    }

    @Test
    void anUnreachableWebhookIsADeliveryFailure() throws Exception {
        URI url = start();
        server.stop(0);
        server = null;
        WebhookEmailSender sender = new WebhookEmailSender(url);
        assertThatThrownBy(() -> sender.send(VerificationEmail.forToken("a@b.co", "http://localhost:3000", "t")))
                .isInstanceOf(ApiException.EmailDeliveryFailure.class)
                .hasMessageContaining("unreachable");
    }
}
