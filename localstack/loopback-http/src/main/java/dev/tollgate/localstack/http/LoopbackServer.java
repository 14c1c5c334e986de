package dev.tollgate.localstack.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way a local stand-in serves HTTP: the JDK server bound to 127.0.0.1 only (nothing on the
 * network can reach a dev cloud), on a given port or an ephemeral one (0), with a bounded pool of daemon
 * threads named after the component (so a stuck server never keeps the JVM alive, and a thread dump says
 * whose thread it is).
 */
public final class LoopbackServer implements AutoCloseable {

    private static final String NODELAY = "sun.net.httpserver.nodelay";

    private final String component;
    private final HttpServer server;
    private final ExecutorService threads;

    private LoopbackServer(String component, HttpServer server, ExecutorService threads) {
        this.component = component;
        this.server = server;
        this.threads = threads;
    }

    /**
     * Binds 127.0.0.1:{@code port} and serves every path with {@code handler}.
     *
     * @param component names the threads and every error ({@code gateway}, {@code mailbox} ...)
     * @param port      0..65535; 0 picks a free port
     * @param threads   the most requests served at once
     * @throws PortInUseException   when the port is taken, in one line naming the component and port
     * @throws UncheckedIOException when the socket cannot be opened for another reason
     */
    public static LoopbackServer start(String component, int port, int threads, HttpHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (component == null || component.isBlank()) {
            throw new IllegalArgumentException("a loopback server needs a component name");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(component + ": port must be 0..65535, was " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException(component + ": needs at least one thread, was " + threads);
        }
        disableNagle();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (BindException e) {
            throw new PortInUseException(component, port, e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    component + ": cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + ")", e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads(component));
        server.createContext("/", handler);
        server.setExecutor(pool);
        server.start();
        return new LoopbackServer(component, server, pool);
    }

    /** The bound port (the chosen one when started with 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** {@code http://localhost:<port>}: the origin browsers use (localhost counts as a secure context). */
    public URI localhostOrigin() {
        return URI.create("http://localhost:" + port());
    }

    public String component() {
        return component;
    }

    /** Closes the socket and every open exchange at once, and ends the threads (interrupting waiting ones). */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String component) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, component + "-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The JDK server writes a response's headers and body in two segments; with Nagle's algorithm on (its
     * default) the body waits for the client's delayed ACK, about 40 ms per request. The switch is JVM-wide
     * and read once, when the first server is created, so it is set only if nobody chose a value.
     */
    private static void disableNagle() {
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }
}
