package dev.tollgate.session.jwks;

import java.io.IOException;
import java.net.URI;

/**
 * One GET of a JWKS document. Failures are typed the way {@link JwksCache} reports them: a timeout is
 * an {@link java.net.http.HttpTimeoutException} or a {@link java.net.SocketTimeoutException}, a
 * connection failure any other {@link IOException}, and an answer that is not a usable document an
 * {@link IllegalArgumentException} whose message says what the core answered.
 */
interface JwksFetcher {
    /** Largest JWKS document we read; a real one is a few kilobytes. */
    int MAX_DOCUMENT_BYTES = 1024 * 1024;

    /** The body of a 200 answer, at most {@link #MAX_DOCUMENT_BYTES}. */
    byte[] get(URI uri) throws IOException, InterruptedException;

    static byte[] readLimited(java.io.InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
        if (bytes.length > MAX_DOCUMENT_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    static IllegalArgumentException notOk(int status) {
        return new IllegalArgumentException("answered HTTP " + status);
    }

    static IllegalArgumentException tooLarge() {
        return new IllegalArgumentException("answered a document larger than " + MAX_DOCUMENT_BYTES + " bytes");
    }
}
