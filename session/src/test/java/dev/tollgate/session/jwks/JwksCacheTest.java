package dev.tollgate.session.jwks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.testkit.JwksServer;
import dev.tollgate.testkit.MutableClock;
import dev.tollgate.testkit.SigningKey;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Caching, refetch on unknown kid, penalty window, de-duplication, failover, timeouts, outages, rotation. */
class JwksCacheTest {
    static final String A = "d-1000";
    static final String B = "d-2000";

    JwksServer server;
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_000_000_000L));
    List<AutoCloseable> extra = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new JwksServer(A);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        for (AutoCloseable c : extra) {
            c.close();
        }
    }

    JwksCache cache(List<URI> uris, UnaryOperator<SessionConfig.Builder> customise) {
        SessionConfig config = customise
                .apply(SessionConfig.builder()
                        .coreUris(uris)
                        .apiDomain(URI.create("http://localhost:4566"))
                        .requestTimeout(Duration.ofSeconds(2)))
                .build();
        return newCache(config);
    }

    /** The fetch path under test: HttpURLConnection, as {@code Sessions} wires it ({@link JwksCacheOverHttpClientTest}: the other). */
    JwksCache newCache(SessionConfig config) {
        return JwksCache.create(config, JwksFetcher.overUrlConnection(config), clock);
    }

    JwksCache cache() {
        return cache(List.of(server.uri()), b -> b);
    }

    @Test
    void aFreshCacheAnswersFromMemory() throws Exception {
        JwksCache cache = cache();
        assertThat(cache.preload()).isEqualTo(1);
        for (int i = 0; i < 100; i++) {
            assertThat(cache.lookup(A))
                    .isInstanceOfSatisfying(
                            KeyLookup.Found.class,
                            f -> assertThat(f.key())
                                    .isEqualTo(SigningKey.of(A).pair().getPublic()));
        }
        assertThat(server.hits()).isEqualTo(1);
        assertThat(cache.cachedKeyIds()).containsExactly(A);
    }

    @Test
    void aClockThatGoesBackwardsMakesTheCacheStaleInsteadOfFreshForever() throws Exception {
        JwksCache cache = cache();
        cache.preload();
        server.publish(B);
        clock.advance(Duration.ofMillis(-3_600_000));
        assertThat(cache.lookup(A)).isEqualTo(KeyLookup.UNKNOWN_KID);
        assertThat(cache.lookup(B)).isInstanceOf(KeyLookup.Found.class);
        assertThat(server.hits()).isEqualTo(2);
    }

    @Test
    void theFirstLookupLoadsTheKeysWithoutPreload() {
        JwksCache cache = cache();
        assertThat(cache.lookup(A)).isInstanceOf(KeyLookup.Found.class);
        assertThat(server.hits()).isEqualTo(1);
    }

    @Test
    void anUnknownKidRefetchesOnceThenWaitsOutThePenaltyWindow() throws Exception {
        JwksCache cache = cache();
        cache.preload();
        clock.advance(Duration.ofMillis(60_000));
        for (int i = 0; i < 50; i++) {
            assertThat(cache.lookup("d-forged-" + i)).isEqualTo(KeyLookup.UNKNOWN_KID);
        }
        assertThat(server.hits()).isEqualTo(2);
        clock.advance(Duration.ofMillis(9_999));
        assertThat(cache.lookup("d-forged")).isEqualTo(KeyLookup.UNKNOWN_KID);
        assertThat(server.hits()).isEqualTo(2);
        clock.advance(Duration.ofMillis(1));
        assertThat(cache.lookup("d-forged")).isEqualTo(KeyLookup.UNKNOWN_KID);
        assertThat(server.hits()).isEqualTo(3);
    }

    @Test
    void rotationPicksUpANewKidAndKeepsTheOldWhilePublished() throws Exception {
        JwksCache cache = cache();
        cache.preload();
        server.publish(A, B);
        clock.advance(Duration.ofMillis(11_000));
        assertThat(cache.lookup(B)).isInstanceOf(KeyLookup.Found.class);
        assertThat(cache.lookup(A)).isInstanceOf(KeyLookup.Found.class);
        assertThat(server.hits()).isEqualTo(2);

        // A is withdrawn; once the cache ages out, A is gone and B stays.
        server.publish(B);
        clock.advance(Duration.ofMillis(SessionConfig.DEFAULT_JWKS_MAX_AGE.toMillis()));
        assertThat(cache.lookup(A)).isEqualTo(KeyLookup.UNKNOWN_KID);
        assertThat(cache.lookup(B)).isInstanceOf(KeyLookup.Found.class);
        assertThat(cache.cachedKeyIds()).containsExactly(B);
    }

    @Test
    void anOutageWithoutCachedKeysIsUnavailableAndRateLimited() {
        server.fail(503);
        JwksCache cache = cache();
        assertThat(cache.lookup(A))
                .isInstanceOfSatisfying(
                        KeyLookup.Unavailable.class, u -> assertThat(u.reason()).contains("HTTP 503"));
        for (int i = 0; i < 20; i++) {
            assertThat(cache.lookup(A)).isInstanceOf(KeyLookup.Unavailable.class);
        }
        assertThat(server.hits()).isEqualTo(1);
        server.recover();
        clock.advance(Duration.ofMillis(10_000));
        assertThat(cache.lookup(A)).isInstanceOf(KeyLookup.Found.class);
    }

    @Test
    void anOutageWithCachedKeysKeepsThemUsableEvenWhenStale() throws Exception {
        JwksCache cache = cache();
        cache.preload();
        server.fail(500);
        clock.advance(Duration.ofMillis(SessionConfig.DEFAULT_JWKS_MAX_AGE.toMillis() + 1));
        assertThat(cache.lookup(A)).isInstanceOf(KeyLookup.Found.class);
        assertThat(cache.lookup(A)).isInstanceOf(KeyLookup.Found.class);
        assertThat(server.hits()).isEqualTo(2);
        // A kid we do not have, while the core is down: we cannot tell forged from new.
        assertThat(cache.lookup(B)).isInstanceOf(KeyLookup.Unavailable.class);
    }

    @Test
    void concurrentMissesShareOneFetch() throws Exception {
        server.slow(300);
        JwksCache cache = cache();
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<KeyLookup>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return cache.lookup(A);
                }));
            }
            go.countDown();
            for (Future<KeyLookup> r : results) {
                assertThat(r.get(10, TimeUnit.SECONDS)).isInstanceOf(KeyLookup.Found.class);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.hits()).isEqualTo(1);
    }

    @Test
    void coresAreTriedInOrder() throws Exception {
        JwksServer broken = new JwksServer(A);
        extra.add(broken);
        broken.fail(500);
        JwksCache cache = cache(List.of(deadUri(), broken.uri(), server.uri()), b -> b);
        assertThat(cache.preload()).isEqualTo(1);
        assertThat(broken.hits()).isEqualTo(1);
        assertThat(server.hits()).isEqualTo(1);
    }

    @Test
    void aSlowCoreTimesOut() {
        server.slow(2_000);
        JwksCache cache = cache(List.of(server.uri()), b -> b.requestTimeout(Duration.ofMillis(200)));
        assertThatThrownBy(cache::preload)
                .isInstanceOf(JwksUnavailableException.class)
                .hasMessageContaining("timed out");
        assertThat(cache.lookup(A)).isInstanceOf(KeyLookup.Unavailable.class);
    }

    @Test
    void aCoreThatTimesOutIsSkippedForTheNext() throws Exception {
        JwksServer slow = new JwksServer(A);
        extra.add(slow);
        slow.slow(3_000);
        JwksCache cache = cache(List.of(slow.uri(), server.uri()), b -> b.requestTimeout(Duration.ofMillis(1_000)));
        // Had the slow core's answer been awaited, the second core would never have been asked.
        assertThat(cache.preload()).isEqualTo(1);
        assertThat(slow.hits()).isEqualTo(1);
        assertThat(server.hits()).isEqualTo(1);
    }

    @Test
    void errorStatusesAndOversizedDocumentsAreFailuresNamingTheCore() {
        server.fail(503);
        JwksCache cache = cache();
        assertThatThrownBy(cache::preload)
                .isInstanceOf(JwksUnavailableException.class)
                .hasMessageContaining(server.uri() + "/.well-known/jwks.json answered HTTP 503");
        server.recover();
        server.publishRaw("{\"keys\":[],\"pad\":\"" + "x".repeat(JwksCache.MAX_DOCUMENT_BYTES) + "\"}");
        assertThatThrownBy(cache::preload)
                .isInstanceOf(JwksUnavailableException.class)
                .hasMessageContaining("larger than " + JwksCache.MAX_DOCUMENT_BYTES + " bytes");
    }

    @Test
    void garbageDocumentsAreFailuresAndUnusableKeysAreSkipped() throws Exception {
        server.publishRaw("{\"no\":\"keys\"}");
        JwksCache cache = cache();
        assertThatThrownBy(cache::preload)
                .isInstanceOf(JwksUnavailableException.class)
                .hasMessageContaining("not a JWKS document");

        server.publishRaw("{\"keys\":[" + SigningKey.of(A).jwkJson().replace("\"sig\"", "\"enc\"") + "]}");
        clock.advance(Duration.ofMillis(10_000));
        assertThatThrownBy(cache::preload)
                .isInstanceOf(JwksUnavailableException.class)
                .hasMessageContaining("no usable RS256 key");
        assertThat(cache.lookup(A)).isInstanceOf(KeyLookup.Unavailable.class);

        String good = SigningKey.of(A).jwkJson();
        String wrongAlg = SigningKey.of("d-rs512").jwkJson().replace("\"RS256\"", "\"RS512\"");
        String encryption = SigningKey.of("d-enc").jwkJson().replace("\"sig\"", "\"enc\"");
        String ec = "{\"kty\":\"EC\",\"kid\":\"d-ec\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"}";
        String tiny = "{\"kty\":\"RSA\",\"kid\":\"d-tiny\",\"n\":\"AQAB\",\"e\":\"AQAB\"}";
        String badBase64 = "{\"kty\":\"RSA\",\"kid\":\"d-bad\",\"n\":\"!!!\",\"e\":\"AQAB\"}";
        server.publishRaw("{\"keys\":[" + String.join(",", wrongAlg, encryption, ec, tiny, badBase64, good) + "]}");
        clock.advance(Duration.ofMillis(10_000));
        assertThat(cache.preload()).isEqualTo(1);
        assertThat(cache.cachedKeyIds()).containsExactly(A);
    }

    private static URI deadUri() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return URI.create("http://127.0.0.1:" + s.getLocalPort());
        }
    }
}
