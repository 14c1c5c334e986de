package dev.tollgate.authapi.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.tollgate.authapi.error.ApiException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;

/** The SES sender against a loopback endpoint speaking SES's query protocol. */
class SesEmailSenderTest {

    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private HttpServer server;
    private SesClient ses;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                Map<String, String> form = new HashMap<>();
                for (String pair :
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                    int eq = pair.indexOf('=');
                    form.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
                form.put(
                        "authorization",
                        String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                requests.add(form);
                byte[] body = (status.get() == 200
                                ? "<SendEmailResponse xmlns=\"http://ses.amazonaws.com/doc/2010-12-01/\"><SendEmailResult>"
                                        + "<MessageId>m-1</MessageId></SendEmailResult><ResponseMetadata><RequestId>r-1</RequestId>"
                                        + "</ResponseMetadata></SendEmailResponse>"
                                : "<ErrorResponse><Error><Type>Sender</Type><Code>MessageRejected</Code>"
                                        + "<Message>Email address is not verified.</Message></Error><RequestId>r-2</RequestId></ErrorResponse>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/xml");
                exchange.sendResponseHeaders(status.get(), body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        ses = SesClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .endpointOverride(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(b -> b.maxAttempts(1)))
                .build();
    }

    @AfterEach
    void stop() {
        ses.close();
        server.stop(0);
    }

    @Test
    void sendsASignedSendEmailFromTheConfiguredSender() {
        new SesEmailSender(ses, "no-reply@example.com")
                .send(VerificationEmail.forToken("ann@example.com", "https://app.example.com", "tok"));
        assertThat(requests).hasSize(1);
        Map<String, String> form = requests.get(0);
        assertThat(form)
                .containsEntry("Action", "SendEmail")
                .containsEntry("Source", "no-reply@example.com")
                .containsEntry("Destination.ToAddresses.member.1", "ann@example.com")
                .containsEntry("Message.Subject.Data", "Verify your email address")
                .containsEntry("Message.Body.Text.Charset", "UTF-8");
        assertThat(form.get("Message.Body.Text.Data"))
                .contains("https://app.example.com/auth/verify-email?token=tok&tenantId=public");
        assertThat(form.get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=test/");
    }

    @Test
    void aRejectionIsADeliveryFailure() {
        status.set(400);
        SesEmailSender sender = new SesEmailSender(ses, "no-reply@example.com");
        assertThatThrownBy(() ->
                        sender.send(VerificationEmail.forToken("ann@example.com", "https://app.example.com", "t")))
                .isInstanceOf(ApiException.EmailDeliveryFailure.class)
                .hasMessageContaining("SES");
    }
}
