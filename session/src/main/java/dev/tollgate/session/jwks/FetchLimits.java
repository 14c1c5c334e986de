package dev.tollgate.session.jwks;

import java.io.IOException;
import java.io.InputStream;

/** The size limit and failure messages both fetchers share. */
final class FetchLimits {
    private FetchLimits() {}

    static byte[] readLimited(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(JwksFetcher.MAX_DOCUMENT_BYTES + 1);
        if (bytes.length > JwksFetcher.MAX_DOCUMENT_BYTES) {
            throw tooLarge();
        }
        return bytes;
    }

    static IllegalArgumentException notOk(int status) {
        return new IllegalArgumentException("answered HTTP " + status);
    }

    static IllegalArgumentException tooLarge() {
        return new IllegalArgumentException(
                "answered a document larger than " + JwksFetcher.MAX_DOCUMENT_BYTES + " bytes");
    }
}
