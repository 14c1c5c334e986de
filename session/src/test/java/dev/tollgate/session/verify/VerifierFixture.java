package dev.tollgate.session.verify;

import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.jwks.JwksCache;
import dev.tollgate.session.jwks.JwksFetcher;
import dev.tollgate.testkit.CannedCore;
import dev.tollgate.testkit.MutableClock;
import dev.tollgate.testkit.SigningKey;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** A verifier wired to a loopback core (JWKS + CDI) and a settable clock. */
final class VerifierFixture implements AutoCloseable {
    static final String KID = "d-1795710292238";
    static final String STATIC_KID = "s-e5f654ea-5228-42bf-b9bc-d0f4506af6fc";
    static final long NOW_S = 1_795_710_700L;

    final CannedCore core;
    final MutableClock clock = new MutableClock(Instant.ofEpochMilli(NOW_S * 1000 + 500));
    final SessionVerifier verifier;
    final SessionConfig config;
    final JwksCache jwks;

    VerifierFixture(UnaryOperator<SessionConfig.Builder> customise) throws Exception {
        core = new CannedCore();
        core.on("GET", "/.well-known/jwks.json", 200, SigningKey.jwks(KID, STATIC_KID));
        config = customise
                .apply(SessionConfig.builder()
                        .coreUri(core.uri())
                        .apiDomain(URI.create("http://localhost:4566"))
                        .apiGatewayPath("/dev")
                        .requestTimeout(Duration.ofSeconds(2)))
                .build();
        // The wiring Sessions uses: keys over HttpURLConnection, the HttpClient built on the first core call.
        jwks = JwksCache.create(config, JwksFetcher.overUrlConnection(config), clock);
        verifier = new SessionVerifier(config, jwks, new CoreClient(config), clock);
    }

    VerifierFixture() throws Exception {
        this(b -> b);
    }

    VerificationResult verify(String method, VerifyOptions options, String... headerPairs) {
        Headers.Builder b = Headers.builder();
        for (int i = 0; i < headerPairs.length; i += 2) {
            b.add(headerPairs[i], headerPairs[i + 1]);
        }
        return verifier.verify(method, b.build(), options);
    }

    VerificationResult get(String... headerPairs) {
        return verify("GET", VerifyOptions.optional(), headerPairs);
    }

    long coreCalls(String pathPrefix) {
        return core.received().stream()
                .filter(r -> r.pathAndQuery().startsWith(pathPrefix))
                .count();
    }

    @Override
    public void close() {
        core.close();
    }
}
