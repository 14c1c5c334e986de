package dev.tollgate.e2e;

import java.net.URI;
import java.util.Optional;

/** The running Tollgate stack the browser talks to. */
public interface Stack extends AutoCloseable {

    /** Origin of the demo site, e.g. {@code http://localhost:5173}. */
    URI web();

    /** Stage URL of the REST API, e.g. {@code http://localhost:4000/dev}. */
    URI api();

    /** The dev mailbox, when the stack has one. */
    Optional<URI> mailbox();

    @Override
    void close();
}
