package dev.tollgate.localstack.core;

import com.sun.net.httpserver.HttpServer;
import dev.tollgate.localstack.core.api.CoreApi;
import dev.tollgate.localstack.core.crypto.PasswordHasher;
import dev.tollgate.localstack.core.crypto.SigningKeys;
import dev.tollgate.localstack.core.http.CoreHttpHandler;
import dev.tollgate.localstack.core.http.RequestLog;
import dev.tollgate.localstack.core.role.RoleStore;
import dev.tollgate.localstack.core.session.SessionService;
import dev.tollgate.localstack.core.user.EmailVerification;
import dev.tollgate.localstack.core.user.UserStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running SuperTokens core stand-in (CDI 5.4 subset of core 11.4.7), in memory, on a loopback port.
 * Start with {@link #start(CoreConfig)}, point {@code SUPERTOKENS_CONNECTION_URI} at {@link #uri()},
 * {@link #close()} when done.
 */
public final class CoreStandIn implements AutoCloseable {

    /** PBKDF2-HMAC-SHA256 rounds: slow enough to matter to an attacker, fast enough for tests. */
    static final int PASSWORD_ITERATIONS = 120_000;

    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI uri;

    private CoreStandIn(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
        InetSocketAddress address = server.getAddress();
        this.uri = URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    public static CoreStandIn start(CoreConfig config) {
        // The JDK server writes headers and body separately; with Nagle on, every call waits ~40 ms
        // for a delayed ACK. Read once per JVM, so an explicit setting elsewhere wins.
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
        SigningKeys keys = new SigningKeys(
                config.clock(), config.keyRotationInterval(), CoreConfig.KEY_OVERLAP, config.accessTokenValidity());
        SessionService sessions =
                new SessionService(keys, config.clock(), config.accessTokenValidity(), config.refreshTokenValidity());
        EmailVerification verification = new EmailVerification(config.clock());
        UserStore users = new UserStore(new PasswordHasher(PASSWORD_ITERATIONS), config.clock());
        RequestLog log = new RequestLog(System.err, config.clock());
        CoreHttpHandler handler = new CoreHttpHandler(
                CoreApi.endpoints(keys, sessions, users, verification, new RoleStore(), config.antiCsrfEnabled()),
                config.apiKey(),
                log);
        ExecutorService executor = Executors.newFixedThreadPool(16, daemonThreads());
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
            server.createContext("/", handler);
            server.setExecutor(executor);
            server.start();
            return new CoreStandIn(server, executor);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException(
                    "cannot bind the core stand-in to " + config.host() + ":" + config.port(), e);
        }
    }

    /** The base URI, e.g. {@code http://127.0.0.1:3567}, for {@code SUPERTOKENS_CONNECTION_URI}. */
    public URI uri() {
        return uri;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "core-stand-in-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
