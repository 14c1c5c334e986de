package dev.tollgate.session.jwks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;

/**
 * Fetches over {@link HttpURLConnection}, which costs a cold JVM a few classes where
 * {@link java.net.http.HttpClient} costs the default {@code SSLContext} (the CA store, loaded even for
 * {@code http://} cores) and a selector thread: the authorizer fetches its keys at init and otherwise
 * rarely talks to the core.
 *
 * <p>Same rules as the {@code HttpClient} path: the connect timeout, then the request timeout over the
 * whole exchange (headers and body; no slow core holds a caller longer), no redirects, no caching.
 * Proxies follow the default {@link java.net.ProxySelector}, as the {@code HttpClient} does.
 */
final class UrlConnectionJwksFetcher implements JwksFetcher {
    private final int connectTimeoutMillis;
    private final long requestTimeoutNanos;

    UrlConnectionJwksFetcher(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeoutMillis =
                toTimeoutMillis(connectTimeout.compareTo(requestTimeout) < 0 ? connectTimeout : requestTimeout);
        this.requestTimeoutNanos = requestTimeout.toNanos();
    }

    @Override
    public byte[] get(URI uri) throws IOException {
        long deadline = System.nanoTime() + requestTimeoutNanos;
        URLConnection opened = uri.toURL().openConnection();
        if (!(opened instanceof HttpURLConnection connection)) {
            throw new IllegalArgumentException("is not an http(s) URI");
        }
        boolean reusable = false;
        try {
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(toTimeoutMillis(Duration.ofNanos(requestTimeoutNanos)));
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("accept", "application/json");
            int status = connection.getResponseCode();
            checkDeadline(deadline);
            if (status != 200) {
                throw FetchLimits.notOk(status);
            }
            byte[] body;
            try (InputStream in = connection.getInputStream()) {
                body = readBefore(in, deadline);
            }
            reusable = true;
            return body;
        } finally {
            if (!reusable) {
                // Never hand a half-read connection back to the keep-alive cache.
                connection.disconnect();
            }
        }
    }

    /** Reads at most {@link #MAX_DOCUMENT_BYTES}, giving up once the deadline has passed. */
    private static byte[] readBefore(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) != -1) {
            out.write(chunk, 0, n);
            if (out.size() > MAX_DOCUMENT_BYTES) {
                throw FetchLimits.tooLarge();
            }
            checkDeadline(deadline);
        }
        return out.toByteArray();
    }

    private static void checkDeadline(long deadline) throws SocketTimeoutException {
        if (System.nanoTime() - deadline > 0) {
            throw new SocketTimeoutException("request timed out");
        }
    }

    /** {@code URLConnection} takes an int of ms where 0 means forever: clamp into [1, Integer.MAX_VALUE]. */
    private static int toTimeoutMillis(Duration d) {
        long ms = d.toMillis();
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, ms));
    }
}
