package dev.tollgate.e2e;

import java.net.URI;
import java.util.Optional;

/** A stack started by someone else; the tests only use it. */
record ExternalStack(E2eSettings.ExternalUrls urls) implements Stack {

    @Override
    public URI web() {
        return urls.web();
    }

    @Override
    public URI api() {
        return urls.api();
    }

    @Override
    public Optional<URI> mailbox() {
        return Optional.ofNullable(urls.mailbox());
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
