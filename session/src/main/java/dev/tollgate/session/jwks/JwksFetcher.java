package dev.tollgate.session.jwks;

import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.internal.http.HttpClientExchange;
import dev.tollgate.session.internal.http.UrlConnectionExchange;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * One GET of a JWKS document, for {@link JwksCache#create}. Failures are typed the way the cache reports
 * them: a timeout is a {@link java.net.SocketTimeoutException} (or an
 * {@link java.net.http.HttpTimeoutException}), a connection failure any other {@link IOException}, and an
 * answer that is not a usable document an {@link IllegalArgumentException} whose message says what the
 * core answered.
 */
public interface JwksFetcher {
    /** Largest JWKS document read; a real one is a few kilobytes. */
    int MAX_DOCUMENT_BYTES = 1024 * 1024;

    /** The body of a 200 answer, at most {@link #MAX_DOCUMENT_BYTES}. */
    byte[] get(URI uri) throws IOException, InterruptedException;

    /**
     * Fetches over {@link java.net.HttpURLConnection} with the config's connect and request timeouts, so a
     * process that needs only keys never builds an {@link HttpClient} (a large part of a cold start). What
     * {@link dev.tollgate.session.Sessions} uses.
     */
    static JwksFetcher overUrlConnection(SessionConfig config) {
        return new ExchangeJwksFetcher(new UrlConnectionExchange(config.connectTimeout(), config.requestTimeout()));
    }

    /**
     * Fetches over a client the caller already holds (its connect timeout applies, the request timeout is
     * {@code requestTimeout}); for processes that have built one anyway, such as tests against the core
     * stand-in. Same failover, typing of failures and limits as {@link #overUrlConnection}.
     */
    static JwksFetcher overHttpClient(HttpClient http, Duration requestTimeout) {
        return new ExchangeJwksFetcher(new HttpClientExchange(http, requestTimeout));
    }
}
