package dev.tollgate.session;

import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.jwks.JwksCache;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.SessionVerifier;
import java.net.http.HttpClient;

/**
 * The library wired together from one {@link SessionConfig}: one HTTP client, one CDI client, one
 * JWKS cache, one verifier and one token writer, shared by every request. Build it once at start-up.
 *
 * <pre>{@code
 * Sessions sessions = Sessions.create(SessionConfig.fromEnvironment(System.getenv()));
 * sessions.jwks().preload();                       // optional: fetch keys at start-up
 * VerificationResult r = sessions.verifier().verify("POST", headers, VerifyOptions.optional());
 * }</pre>
 */
public final class Sessions {
    private final SessionConfig config;
    private final HttpClient http;
    private final CoreClient core;
    private final JwksCache jwks;
    private final SessionVerifier verifier;
    private final TokenWriter tokenWriter;

    private Sessions(SessionConfig config) {
        this.config = config;
        this.http = CoreClient.newHttpClient(config);
        this.core = new CoreClient(config, http);
        this.jwks = new JwksCache(config, http);
        this.verifier = new SessionVerifier(config, jwks, core);
        this.tokenWriter = new TokenWriter(config);
    }

    /** Wires the library for {@code config}. Does no I/O. */
    public static Sessions create(SessionConfig config) {
        return new Sessions(config);
    }

    public SessionConfig config() {
        return config;
    }

    public CoreClient core() {
        return core;
    }

    public JwksCache jwks() {
        return jwks;
    }

    public SessionVerifier verifier() {
        return verifier;
    }

    public TokenWriter tokenWriter() {
        return tokenWriter;
    }
}
