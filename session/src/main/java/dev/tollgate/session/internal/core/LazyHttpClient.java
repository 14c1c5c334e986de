package dev.tollgate.session.internal.core;

import java.net.http.HttpClient;
import java.util.function.Supplier;

/**
 * Builds the {@link HttpClient} on first use, once, from any thread. Building one loads the default
 * {@code SSLContext} (the CA store) and starts a selector thread: a few hundred milliseconds of a cold
 * start that a caller which never reaches the core (the authorizer, nearly always) should not pay.
 */
public final class LazyHttpClient implements Supplier<HttpClient> {
    private final Supplier<HttpClient> factory;
    private volatile HttpClient client;

    public LazyHttpClient(Supplier<HttpClient> factory) {
        this.factory = factory;
    }

    /** A caller's client, already built. */
    public static LazyHttpClient of(HttpClient client) {
        LazyHttpClient given = new LazyHttpClient(() -> client);
        given.client = client;
        return given;
    }

    @Override
    public HttpClient get() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = factory.get();
                    client = c;
                }
            }
        }
        return c;
    }

    public boolean created() {
        return client != null;
    }
}
