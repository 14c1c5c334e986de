package dev.tollgate.localstack.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VERIFICATION = "{\"type\":\"EMAIL_VERIFICATION\",\"to\":\"%s\","
            + "\"subject\":\"Verify your email\",\"text\":\"Click the link: %s\",\"link\":\"%s\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private Mailbox mailbox;

    @BeforeEach
    void start() {
        mailbox = Mailbox.start(0);
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    @Test
    void onlyTheDemoSitesOriginMayReadTheListFromABrowser() throws Exception {
        mailbox.close();
        mailbox = Mailbox.start(0, URI.create("http://localhost:3000/"));
        HttpResponse<String> list = get("/messages");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().allValues("Access-Control-Allow-Origin")).containsExactly("http://localhost:3000");
    }

    @Test
    void storesTheWebhooksMessageAndListsItNewestFirst() throws Exception {
        Instant before = Instant.now();
        HttpResponse<String> first = post(
                verification("ada@example.com", "http://localhost:3000/auth/verify-email?token=t1&tenantId=public"));
        HttpResponse<String> second = post(
                verification("bob@example.com", "http://localhost:3000/auth/verify-email?token=t2&tenantId=public"));

        assertThat(first.statusCode()).isEqualTo(201);
        String firstId = JSON.readTree(first.body()).get("id").asText();
        assertThat(first.headers().firstValue("Location")).contains("/messages/" + firstId);
        assertThat(second.statusCode()).isEqualTo(201);

        HttpResponse<String> list = get("/messages");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(list.headers().firstValue("Access-Control-Allow-Origin"))
                .as("no origin was allowed")
                .isEmpty();
        JsonNode messages = JSON.readTree(list.body());
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("to").asText()).isEqualTo("bob@example.com");
        JsonNode ada = messages.get(1);
        assertThat(ada.get("id").asText()).isEqualTo(firstId);
        assertThat(ada.get("subject").asText()).isEqualTo("Verify your email");
        assertThat(ada.get("text").asText()).startsWith("Click the link: ");
        assertThat(ada.get("link").asText())
                .isEqualTo("http://localhost:3000/auth/verify-email?token=t1&tenantId=public");
        assertThat(Instant.parse(ada.get("receivedAt").asText())).isBetween(before.minusSeconds(1), Instant.now());
        assertThat(fieldNames(ada)).containsExactly("id", "receivedAt", "to", "subject", "text", "link");
    }

    @Test
    void theLocationOfA201IsTheStoredMessage() throws Exception {
        HttpResponse<String> created = post(verification("ada@example.com", "http://localhost:3000/v?token=t1"));
        String id = JSON.readTree(created.body()).get("id").asText();

        HttpResponse<String> one = get(created.headers().firstValue("Location").orElseThrow());

        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().firstValue("Content-Type")).contains("application/json");
        JsonNode message = JSON.readTree(one.body());
        assertThat(message.get("id").asText()).isEqualTo(id);
        assertThat(message.get("to").asText()).isEqualTo("ada@example.com");
        assertThat(message.get("link").asText()).isEqualTo("http://localhost:3000/v?token=t1");
        assertThat(fieldNames(message)).containsExactly("id", "receivedAt", "to", "subject", "text", "link");
        assertThat(get("/messages/no-such-id").statusCode()).isEqualTo(404);
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(mailbox.uri().resolve("/messages/" + id))
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    }

    @Test
    void filtersByRecipient() throws Exception {
        post(verification("ada@example.com", "http://localhost:3000/x"));
        post(verification("bob@example.com", "http://localhost:3000/y"));

        JsonNode messages = JSON.readTree(get("/messages?to=ADA%40example.com").body());

        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("to").asText()).isEqualTo("ada@example.com");
    }

    @Test
    void thePageEscapesWhatItShows() throws Exception {
        post("{\"type\":\"EMAIL_VERIFICATION\",\"to\":\"eve@example.com\",\"subject\":\"<script>alert(1)</script>\","
                + "\"text\":\"a & b\",\"link\":\"http://localhost:3000/v?token=a&b='x'\"}");

        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.body())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
        assertThat(page.body()).contains("a &amp; b");
        assertThat(page.body()).contains("href=\"http://localhost:3000/v?token=a&amp;b=&#39;x&#39;\"");
    }

    @Test
    void thePageShowsEachLinkOnceInsideItsText() throws Exception {
        String link = "http://localhost:3000/auth/verify-email?token=abc&tenantId=public";
        post("{\"type\":\"EMAIL_VERIFICATION\",\"to\":\"ada@example.com\",\"subject\":\"Verify\"," + "\"text\":\"Click "
                + link + " to verify.\",\"link\":\"" + link + "\"}");

        String body = get("/").body();

        String escaped = "http://localhost:3000/auth/verify-email?token=abc&amp;tenantId=public";
        assertThat(body).contains("Click <a class=\"link\" href=\"" + escaped + "\">" + escaped + "</a> to verify.");
        // once as the anchor's href and once as its text: nowhere else
        assertThat(body.split(Pattern.quote(escaped), -1)).hasSize(3);
        assertThat(body).contains("<link rel=\"icon\" href=\"data:image/svg+xml,");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{}",
                "{\"type\":\"EMAIL_VERIFICATION\",\"subject\":\"s\",\"text\":\"t\"}",
                "{\"type\":\"EMAIL_VERIFICATION\",\"to\":\"not-an-address\",\"subject\":\"s\",\"text\":\"t\"}",
                "{\"type\":\"EMAIL_VERIFICATION\",\"to\":\"a@b.c\",\"subject\":1,\"text\":\"t\"}",
                "{\"type\":\"EMAIL_VERIFICATION\",\"to\":\"a@b.c\",\"subject\":\"s\",\"text\":\"t\",\"link\":\"javascript:alert(1)\"}",
                "{\"type\":\"lower\",\"to\":\"a@b.c\",\"subject\":\"s\",\"text\":\"t\"}"
            })
    void rejectsBadMessagesWithA400AndStoresNothing(String body) throws Exception {
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("message").asText()).isNotBlank();
        assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    void requiresJsonAndBoundsTheBody() throws Exception {
        HttpResponse<String> text = http.send(
                HttpRequest.newBuilder(mailbox.webhookUrl())
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString(verification("a@b.c", "http://x/")))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(text.statusCode()).isEqualTo(415);

        HttpResponse<String> huge =
                post("{\"type\":\"EMAIL_VERIFICATION\",\"to\":\"a@b.c\",\"subject\":\"s\",\"text\":\""
                        + "x".repeat(70_000) + "\"}");
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(mailbox.messages()).isEmpty();
    }

    @Test
    void answersUnknownPathsAndMethodsPrecisely() throws Exception {
        assertThat(get("/elsewhere").statusCode()).isEqualTo(404);
        HttpResponse<String> delete = http.send(
                HttpRequest.newBuilder(mailbox.webhookUrl()).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(delete.statusCode()).isEqualTo(405);
        assertThat(delete.headers().firstValue("Allow")).contains("GET, HEAD, POST");
    }

    @Test
    void keepsOnlyTheNewestMessages() throws Exception {
        mailbox.close();
        mailbox = Mailbox.start(0, 3, null);
        for (int i = 0; i < 5; i++) {
            post(verification("user" + i + "@example.com", "http://localhost:3000/v"));
        }
        assertThat(mailbox.messages())
                .extracting(Message::to)
                .containsExactly("user4@example.com", "user3@example.com", "user2@example.com");
    }

    private static String verification(String to, String link) {
        return String.format(VERIFICATION, to, link, link);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(mailbox.webhookUrl())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(mailbox.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
