package dev.tollgate.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tollgate.authorizer.config.AuthorizerConfig;
import dev.tollgate.authorizer.crypto.NativeRsa;
import dev.tollgate.authorizer.decision.Decision;
import dev.tollgate.authorizer.decision.Reason;
import dev.tollgate.authorizer.decision.Responder;
import dev.tollgate.authorizer.decision.SessionDecider;
import dev.tollgate.authorizer.event.AuthorizerEvent;
import dev.tollgate.authorizer.event.EventReader;
import dev.tollgate.authorizer.event.MalformedEventException;
import dev.tollgate.authorizer.log.DecisionLog;
import dev.tollgate.authorizer.policy.PolicyScope;
import dev.tollgate.authorizer.policy.PolicyWriter;
import dev.tollgate.log.Level;
import dev.tollgate.session.Sessions;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.jwks.JwksUnavailableException;
import dev.tollgate.session.verify.SessionVerifier;
import dev.tollgate.session.verify.VerifiedTokenCache;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.crac.Core;
import org.crac.Resource;

/**
 * The Lambda REQUEST authorizer ({@code dev.tollgate.authorizer.AuthorizerHandler::handleRequest}).
 *
 * <p>Raw event bytes in, the exact policy JSON out (or a Lambda error whose message API Gateway turns
 * into 401 or 500). Configuration is read and checked once, here at init; the JWKS is fetched at init
 * too, so the first call does not pay for it. Registered with CRaC so SnapStart works: a checkpoint
 * primes the hot path, a restore refreshes the keys.
 */
public final class AuthorizerHandler implements RequestStreamHandler, Resource {

    /**
     * Verified tokens kept per instance. Each entry holds a token of at most 8 KB and its parsed
     * payload, so the cache stays within a few MB even at its bound; one instance serves one call at
     * a time, so this covers many more live sessions than an instance sees between cold starts.
     */
    static final int VERIFIED_TOKENS = 512;

    /** How long a SnapStart checkpoint waits for the native RSA provider to finish loading. */
    static final Duration NATIVE_RSA_WAIT = Duration.ofSeconds(10);

    private final EventReader events = new EventReader();
    private final NativeRsa rsa;
    private final Sessions sessions;
    private final SessionDecider decider;
    private final Function<AuthorizerEvent, Decision> decide;
    private final Responder responder;
    private final DecisionLog log;

    /** What Lambda calls: configuration from the process environment, log lines to stdout. */
    public AuthorizerHandler() {
        this(System.getenv(), System.out);
    }

    /**
     * @param env    the environment variables (read once)
     * @param logOut where the JSON log lines go
     * @throws dev.tollgate.config.ConfigException when a variable is missing or invalid: the
     *         init fails with a message naming the variable and its accepted values
     */
    public AuthorizerHandler(Map<String, String> env, PrintStream logOut) {
        this(env, logOut, UnaryOperator.identity());
    }

    /**
     * Package-private for tests: {@code decideWrapper} wraps the real decision step, so a test can make
     * it fail the way a bug would and check what the caller and the log then see.
     */
    AuthorizerHandler(
            Map<String, String> env,
            PrintStream logOut,
            UnaryOperator<Function<AuthorizerEvent, Decision>> decideWrapper) {
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(env);
        this.log = new DecisionLog(logOut, config.logLevel());
        this.rsa = NativeRsa.of(config.rsaProvider(), this::reportRsa);
        this.sessions = Sessions.create(SessionConfig.fromEnvironment(env));
        this.decider = new SessionDecider(cachingVerifier(sessions, rsa), config);
        this.decide = decideWrapper.apply(decider::decide);
        this.responder = new Responder(new PolicyWriter(config.policyScope()));
        warnIfClaimsCanBeBypassed(config);
        loadKeys("init");
        Core.getGlobalContext().register(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        long start = System.nanoTime();
        AuthorizerEvent event = null;
        Decision decision;
        try {
            event = events.read(input);
            decision = decide.apply(event);
        } catch (MalformedEventException e) {
            decision = new Decision.Failure(Reason.MALFORMED_EVENT, null, e.getMessage());
        } catch (IOException | RuntimeException e) {
            // A bug, or the runtime's stream failing: answer 500 and log only the exception's type, since
            // its message could quote input. Without this an I/O failure would leave no decision line.
            decision = new Decision.Failure(
                    Reason.INTERNAL_ERROR, null, e.getClass().getName());
        }
        String requestId = event == null ? null : event.requestId();
        try {
            responder.respond(decision, event == null ? null : event.methodArn(), requestId, output);
        } finally {
            log.decision(new DecisionLog.Entry(
                    decision.reason(),
                    decision.userId(),
                    event == null ? null : event.httpMethod(),
                    event == null ? null : event.resource(),
                    (System.nanoTime() - start) / 1_000,
                    requestId,
                    context == null ? null : context.getAwsRequestId(),
                    decision.detail()));
            // Once the first answer is out: see NativeRsa for why not during init.
            rsa.startLoading();
        }
    }

    /**
     * The library's verifier plus a per-instance cache of verified tokens: a browser session calls
     * the API again and again with the same access token, and on Lambda's C1-only JIT the RSA check
     * is most of a decision. What a hit skips and what still runs: {@link VerifiedTokenCache}.
     */
    private static SessionVerifier cachingVerifier(Sessions sessions, NativeRsa rsa) {
        return new SessionVerifier(
                sessions.config(),
                sessions.jwks(),
                sessions.core(),
                Clock.systemUTC(),
                new VerifiedTokenCache(VERIFIED_TOKENS),
                rsa);
    }

    private void reportRsa(NativeRsa.Outcome outcome) {
        String by = "RS256 signatures checked by " + outcome.provider();
        if (outcome.nativeCode()) {
            log.lifecycle(Level.INFO, "init", by + " (native)");
        } else if (outcome.problem() == null) {
            log.lifecycle(Level.INFO, "init", by + " (RSA_PROVIDER=jdk)");
        } else {
            log.lifecycle(Level.WARN, "init", by + ": the native provider is unavailable: " + outcome.problem());
        }
    }

    /**
     * SnapStart: run the whole decision path once so the snapshot holds loaded, initialised classes,
     * the native RSA provider included.
     */
    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) throws InterruptedException {
        rsa.startLoading();
        if (!rsa.awaitLoaded(NATIVE_RSA_WAIT)) {
            log.lifecycle(Level.WARN, "checkpoint", "native RSA provider still loading; snapshot taken without it");
        }
        new HotPathPrimer(events, decider, responder, sessions.jwks().cachedKeyIds()).prime();
        log.lifecycle(Level.INFO, "checkpoint", "hot path primed");
    }

    /** SnapStart: a restored snapshot may be hours old; fetch the keys again before serving. */
    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        loadKeys("restore");
    }

    /**
     * A stage-wide Allow is only safe while nothing caches it. The function cannot see the
     * authorizer's TTL, so it says so once instead of refusing a setup that may be deliberate (one
     * cached authorizer per claim set).
     */
    private void warnIfClaimsCanBeBypassed(AuthorizerConfig config) {
        if (config.policyScope() == PolicyScope.API
                && !config.routeClaims().rules().isEmpty()) {
            log.lifecycle(
                    Level.WARN,
                    "init",
                    "POLICY_SCOPE=api with REQUIRED_CLAIMS: if this authorizer's "
                            + "TTL is above 0, an Allow cached for one route opens every route, including those that "
                            + "require claims; keep the TTL at 0 or use one authorizer per claim set");
        }
    }

    private void loadKeys(String phase) {
        try {
            int count = sessions.jwks().preload();
            log.lifecycle(Level.INFO, phase, "JWKS loaded: " + count + " keys");
        } catch (JwksUnavailableException e) {
            // Not fatal: the cache fetches again on the first call that needs a key (rate-limited);
            // until a core answers, calls with a token are answered 500 CORE_UNAVAILABLE.
            log.lifecycle(Level.WARN, phase, "JWKS could not be loaded; will retry on demand");
        }
    }
}
