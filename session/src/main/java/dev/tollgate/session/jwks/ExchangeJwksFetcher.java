package dev.tollgate.session.jwks;

import dev.tollgate.session.internal.http.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.Map;

/** One GET over the library's {@link HttpExchange}, typed the way {@link JwksFetcher} says. */
final class ExchangeJwksFetcher implements JwksFetcher {
    private static final Map<String, String> ACCEPT_JSON = Map.of("accept", "application/json");

    private final HttpExchange http;

    ExchangeJwksFetcher(HttpExchange http) {
        this.http = http;
    }

    @Override
    public byte[] get(URI uri) throws IOException, InterruptedException {
        HttpExchange.Answer answer;
        try {
            answer = http.send("GET", uri, ACCEPT_JSON, null, MAX_DOCUMENT_BYTES);
        } catch (HttpExchange.AnswerTooLargeException e) {
            throw new IllegalArgumentException("answered a document larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        if (answer.status() != 200) {
            throw new IllegalArgumentException("answered HTTP " + answer.status());
        }
        return answer.body();
    }
}
