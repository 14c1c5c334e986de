package dev.tollgate.authapi.email;

import dev.tollgate.authapi.error.ApiException.EmailDeliveryFailure;
import dev.tollgate.authapi.http.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * POSTs the message as JSON to a URL (the local cloud's dev mailbox, or any mail relay that accepts
 * {@code {"type":"EMAIL_VERIFICATION","to","subject","text","link"}}). Any non-2xx answer is a failure.
 */
public final class WebhookEmailSender implements EmailSender {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI url;
    private final HttpClient client;

    public WebhookEmailSender(URI url) {
        this.url = url;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public void send(VerificationEmail email) {
        String body = Json.write(Json.object()
                .put("type", "EMAIL_VERIFICATION")
                .put("to", email.to())
                .put("subject", email.subject())
                .put("text", email.text())
                .put("link", email.link()));
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new EmailDeliveryFailure(
                    "the email webhook is unreachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmailDeliveryFailure("interrupted while calling the email webhook", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new EmailDeliveryFailure("the email webhook answered HTTP " + response.statusCode(), null);
        }
    }
}
