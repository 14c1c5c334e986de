package dev.tollgate.session;

import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.create.SessionCreator;
import dev.tollgate.session.internal.clock.MonotonicClock;
import dev.tollgate.session.jwks.JwksCache;
import dev.tollgate.session.jwks.JwksFetcher;
import dev.tollgate.session.payload.PayloadUpdater;
import dev.tollgate.session.refresh.SessionRefresher;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.SessionVerifier;
import java.time.Clock;

/**
 * The library wired together from one {@link SessionConfig}: one CDI client, one JWKS cache, one
 * verifier, one session creator, one refresher, one payload updater and one token writer, shared by
 * every request. Build it once at start-up.
 *
 * <p>Cheap to build, for cold starts: the JWKS is fetched over {@code HttpURLConnection}, and the CDI
 * client builds its {@code java.net.http.HttpClient} (CA store, selector thread) on its first core call,
 * which a verifier only makes for {@code checkDatabase} or a token fresh from a refresh.
 *
 * <pre>{@code
 * Sessions sessions = Sessions.create(SessionConfig.fromEnvironment(System.getenv()));
 * sessions.jwks().preload();                       // optional: fetch keys at start-up
 * VerificationResult r = sessions.verifier().verify("POST", headers, VerifyOptions.optional());
 * NewSession created = sessions.creator().create(headers, "public", recipeUserId, initialClaims); // sign-in
 * RefreshResult refreshed = sessions.refresher().refresh(headers);   // the refresh API
 * }</pre>
 */
public final class Sessions {
    private final SessionConfig config;
    private final CoreClient core;
    private final JwksCache jwks;
    private final SessionVerifier verifier;
    private final TokenWriter tokenWriter;
    private final SessionCreator creator;
    private final SessionRefresher refresher;
    private final PayloadUpdater payloadUpdater;

    private Sessions(SessionConfig config) {
        this.config = config;
        this.core = new CoreClient(config);
        this.jwks = JwksCache.create(config, JwksFetcher.overUrlConnection(config), new MonotonicClock());
        Clock clock = Clock.systemUTC();
        this.verifier = new SessionVerifier(config, jwks, core, clock);
        this.tokenWriter = new TokenWriter(config);
        this.creator = new SessionCreator(config, core, tokenWriter, clock);
        this.refresher = new SessionRefresher(config, core, tokenWriter, clock);
        this.payloadUpdater = new PayloadUpdater(core, tokenWriter, clock);
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

    /** Creates the session of a user who just signed up or in ({@code createNewSessionInRequest}, docs/supertokens.md#transfer-method). */
    public SessionCreator creator() {
        return creator;
    }

    /** The refresh API's protocol (docs/supertokens.md#refresh), for the adapter that serves {@code POST /session/refresh}. */
    public SessionRefresher refresher() {
        return refresher;
    }

    /** Changes a verified session's custom claims ({@code mergeIntoAccessTokenPayload}, docs/supertokens.md#claim-validation). */
    public PayloadUpdater payloadUpdater() {
        return payloadUpdater;
    }
}
