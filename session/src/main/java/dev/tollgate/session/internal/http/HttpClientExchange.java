package dev.tollgate.session.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * Exchanges over a caller's {@link HttpClient}: its connect timeout applies, the request timeout is
 * ours. For callers that hold a client already (tests with short timeouts, the core stand-in's
 * interoperability tests, the local cloud's dev console); production uses {@link UrlConnectionExchange}.
 */
public final class HttpClientExchange implements HttpExchange {
    private final HttpClient http;
    private final Duration requestTimeout;

    public HttpClientExchange(HttpClient http, Duration requestTimeout) {
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public Answer send(String method, URI uri, Map<String, String> headers, byte[] body, int maxBytes)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            SocketTimeoutException timeout = new SocketTimeoutException(e.getMessage());
            timeout.initCause(e);
            throw timeout;
        }
        try (InputStream in = response.body()) {
            byte[] answer = in.readNBytes(maxBytes + 1);
            if (answer.length > maxBytes) {
                throw new AnswerTooLargeException(maxBytes);
            }
            return new Answer(response.statusCode(), answer);
        }
    }
}
