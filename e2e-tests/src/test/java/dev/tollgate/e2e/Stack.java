package dev.tollgate.e2e;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The running Tollgate stack the browser talks to, and how to stop it.
 *
 * @param web origin of the demo site, e.g. {@code http://localhost:5173}
 * @param api stage URL of the REST API, e.g. {@code http://localhost:4000/dev}
 * @param mailbox the dev mailbox, when the stack has one
 * @param stop what {@link #close()} does: stops what the test run started, nothing for a stack it only uses
 */
public record Stack(URI web, URI api, Optional<URI> mailbox, Runnable stop) implements AutoCloseable {

    public Stack {
        Objects.requireNonNull(web, "web");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(stop, "stop");
    }

    /** A stack started by someone else; the tests only use it. */
    static Stack external(E2eSettings.ExternalUrls urls) {
        return new Stack(urls.web(), urls.api(), Optional.ofNullable(urls.mailbox()), () -> {});
    }

    @Override
    public void close() {
        stop.run();
    }
}
