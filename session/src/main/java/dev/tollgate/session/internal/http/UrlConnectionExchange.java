package dev.tollgate.session.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;
import java.util.Map;

/**
 * Exchanges over {@link HttpURLConnection}. Why not {@link java.net.http.HttpClient}: building one
 * loads its own few hundred classes, the default {@code SSLContext} (the CA store, even for an
 * {@code http://} core) and starts a selector thread, a large part of a function's cold start, while
 * a connection here costs a few classes and TLS only for an {@code https://} core.
 *
 * <p>The connect timeout, then the request timeout over the whole exchange (headers and body: no slow
 * core holds a caller longer). Connections are kept alive by the JDK's cache and reused; one that was
 * not read to its end is closed instead. Proxies follow the default {@link java.net.ProxySelector}, as
 * an {@code HttpClient}'s do.
 */
public final class UrlConnectionExchange implements HttpExchange {
    private final int connectTimeoutMillis;
    private final long requestTimeoutNanos;

    public UrlConnectionExchange(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeoutMillis =
                toTimeoutMillis(connectTimeout.compareTo(requestTimeout) < 0 ? connectTimeout : requestTimeout);
        this.requestTimeoutNanos = requestTimeout.toNanos();
    }

    @Override
    public Answer send(String method, URI uri, Map<String, String> headers, byte[] body, int maxBytes)
            throws IOException {
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
            connection.setRequestMethod(method);
            headers.forEach(connection::setRequestProperty);
            if (body != null) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            checkDeadline(deadline);
            byte[] answer;
            try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                answer = in == null ? new byte[0] : readBefore(in, deadline, maxBytes);
            }
            reusable = true;
            return new Answer(status, answer);
        } finally {
            if (!reusable) {
                // Never hand a half-read connection back to the keep-alive cache.
                connection.disconnect();
            }
        }
    }

    /** Reads at most {@code maxBytes}, giving up once the deadline has passed. */
    private static byte[] readBefore(InputStream in, long deadline, int maxBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        byte[] chunk = new byte[8192];
        int n;
        while ((n = in.read(chunk)) != -1) {
            out.write(chunk, 0, n);
            if (out.size() > maxBytes) {
                throw new AnswerTooLargeException(maxBytes);
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
