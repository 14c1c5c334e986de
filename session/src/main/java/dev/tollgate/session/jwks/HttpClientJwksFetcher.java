package dev.tollgate.session.jwks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetches over a caller's {@link HttpClient} (its connect timeout applies; the request timeout is ours). */
final class HttpClientJwksFetcher implements JwksFetcher {
    private final HttpClient http;
    private final Duration requestTimeout;

    HttpClientJwksFetcher(HttpClient http, Duration requestTimeout) {
        this.http = http;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public byte[] get(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .GET()
                .header("accept", "application/json")
                .build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw FetchLimits.notOk(response.statusCode());
            }
            return FetchLimits.readLimited(body);
        }
    }
}
