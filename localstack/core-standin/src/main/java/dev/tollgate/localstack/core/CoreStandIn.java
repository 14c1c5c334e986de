package dev.tollgate.localstack.core;

import dev.tollgate.localstack.core.api.CoreApi;
import dev.tollgate.localstack.core.crypto.PasswordHasher;
import dev.tollgate.localstack.core.crypto.SigningKeys;
import dev.tollgate.localstack.core.http.CoreHttpHandler;
import dev.tollgate.localstack.core.http.CoreRequestLog;
import dev.tollgate.localstack.core.role.RoleStore;
import dev.tollgate.localstack.core.session.SessionService;
import dev.tollgate.localstack.core.user.EmailVerification;
import dev.tollgate.localstack.core.user.PasswordReset;
import dev.tollgate.localstack.core.user.UserStore;
import dev.tollgate.localstack.http.LoopbackServer;
import java.net.URI;

/**
 * A running SuperTokens core stand-in (CDI 5.4 subset of core 11.4.7), in memory, on a loopback port.
 * Start with {@link #start(CoreConfig)}, point {@code SUPERTOKENS_CONNECTION_URI} at {@link #uri()},
 * {@link #close()} when done.
 */
public final class CoreStandIn implements AutoCloseable {

    /** PBKDF2-HMAC-SHA256 rounds: slow enough to matter to an attacker, fast enough for tests. */
    static final int PASSWORD_ITERATIONS = 120_000;

    private final LoopbackServer server;

    private CoreStandIn(LoopbackServer server) {
        this.server = server;
    }

    public static CoreStandIn start(CoreConfig config) {
        SigningKeys keys = new SigningKeys(
                config.clock(), config.keyRotationInterval(), CoreConfig.KEY_OVERLAP, config.accessTokenValidity());
        SessionService sessions =
                new SessionService(keys, config.clock(), config.accessTokenValidity(), config.refreshTokenValidity());
        EmailVerification verification = new EmailVerification(config.clock());
        UserStore users = new UserStore(new PasswordHasher(PASSWORD_ITERATIONS), config.clock());
        CoreRequestLog log = new CoreRequestLog(System.err, config.clock());
        CoreHttpHandler handler = new CoreHttpHandler(
                CoreApi.endpoints(
                        keys,
                        sessions,
                        users,
                        verification,
                        new PasswordReset(config.clock()),
                        new RoleStore(),
                        config.antiCsrfEnabled()),
                config.apiKey(),
                log);
        return new CoreStandIn(LoopbackServer.start("core-stand-in", config.port(), 16, handler));
    }

    /** The base URI, e.g. {@code http://127.0.0.1:3567}, for {@code SUPERTOKENS_CONNECTION_URI}. */
    public URI uri() {
        return server.uri();
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.close();
    }
}
