package dev.tollgate.session.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.session.Sessions;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.internal.core.LazyHttpClient;
import dev.tollgate.session.verify.VerificationResult;
import dev.tollgate.session.verify.VerifiedSession;
import dev.tollgate.session.verify.VerifyOptions;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.CannedCore;
import dev.tollgate.testkit.GoldenCaptures;
import dev.tollgate.testkit.SigningKey;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link HttpClient} is built by the first core call, once, and never by key loading or a plain verification. */
class LazyHttpClientTest {
    static final String KID = "d-1795710292238";

    @AutoClose
    CannedCore core;

    SessionConfig config;

    @BeforeEach
    void start() throws Exception {
        core = new CannedCore();
        core.on("GET", "/.well-known/jwks.json", 200, SigningKey.jwks(KID));
        config = SessionConfig.builder()
                .coreUri(core.uri())
                .apiDomain(URI.create("http://localhost:4566"))
                .apiGatewayPath("/dev")
                .requestTimeout(Duration.ofSeconds(2))
                .build();
    }

    @Test
    void sessionsLoadKeysAndVerifyWithoutAnHttpClientUntilTheCoreIsNeeded() throws Exception {
        Sessions sessions = Sessions.create(config);
        assertThat(sessions.core().httpClientCreated()).isFalse();

        assertThat(sessions.jwks().preload()).isEqualTo(1);
        sessions.verifier().warmUp(5);
        String token = AccessTokens.v5(KID, System.currentTimeMillis() / 1000);
        Headers cookie =
                Headers.builder().add("cookie", "sAccessToken=" + token).build();
        VerificationResult plain = sessions.verifier().verify("GET", cookie, VerifyOptions.required());
        assertThat(plain)
                .isInstanceOfSatisfying(
                        VerifiedSession.class, s -> assertThat(s.userId()).isEqualTo(AccessTokens.USER));
        assertThat(sessions.core().httpClientCreated()).isFalse();
        assertThat(core.received())
                .extracting(CannedCore.Received::pathAndQuery)
                .containsExactly("/.well-known/jwks.json");

        GoldenCaptures.Capture golden = GoldenCaptures.find("POST", "/recipe/session/verify", 0);
        core.on("POST", "/recipe/session/verify", golden.status(), golden.responseBody());
        VerificationResult checked = sessions.verifier()
                .verify("GET", cookie, VerifyOptions.required().withCheckDatabase(true));
        assertThat(checked).isInstanceOf(VerifiedSession.class);
        assertThat(sessions.core().httpClientCreated()).isTrue();
        assertThat(core.last().pathAndQuery()).isEqualTo("/recipe/session/verify");
        assertThat(core.last().header("cdi-version")).isEqualTo(CoreClient.CDI_VERSION);
    }

    @Test
    void aLazyClientStillFailsOverAndTypesErrorsLikeAGivenOne() throws Exception {
        URI dead = deadUri();
        SessionConfig twoCores = SessionConfig.builder()
                .coreUris(List.of(dead, core.uri()))
                .apiDomain(URI.create("http://localhost:4566"))
                .requestTimeout(Duration.ofSeconds(2))
                .build();
        GoldenCaptures.Capture golden = GoldenCaptures.find("GET", "/apiversion", 0);
        core.on("GET", "/apiversion", golden.status(), golden.responseBody());
        CoreClient client = new CoreClient(twoCores);
        assertThat(client.apiVersions("http://localhost:4566", "http://localhost:3000"))
                .isNotEmpty();
        assertThat(client.httpClientCreated()).isTrue();

        SessionConfig onlyDead = SessionConfig.builder()
                .coreUri(dead)
                .apiDomain(URI.create("http://localhost:4566"))
                .build();
        Assertions.assertThatThrownBy(() -> new CoreClient(onlyDead).userById("u"))
                .isInstanceOf(CoreUnreachableException.class)
                .hasMessageContaining("unreachable");
    }

    @Test
    void aClientGivenAnHttpClientUsesItAndCountsAsCreated() {
        assertThat(new CoreClient(config, CoreClient.newHttpClient(config)).httpClientCreated())
                .isTrue();
    }

    @Test
    void concurrentFirstCallsBuildOneClient() throws Exception {
        AtomicInteger built = new AtomicInteger();
        LazyHttpClient lazy = new LazyHttpClient(() -> {
            built.incrementAndGet();
            return CoreClient.newHttpClient(config);
        });
        assertThat(lazy.created()).isFalse();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpClient>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return lazy.get();
                }));
            }
            go.countDown();
            HttpClient first = results.get(0).get(10, TimeUnit.SECONDS);
            for (Future<HttpClient> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(built).hasValue(1);
        assertThat(lazy.created()).isTrue();
    }

    private static URI deadUri() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }
}
