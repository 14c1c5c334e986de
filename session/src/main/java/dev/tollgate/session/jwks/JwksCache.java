package dev.tollgate.session.jwks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.internal.json.SessionJson;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.security.PublicKey;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The core's signing keys, fetched from {@code <core>/.well-known/jwks.json}, parsed once and cached.
 *
 * <ul>
 *   <li>A fresh cache answers from memory: no I/O, no parsing, no allocation beyond the lookup.</li>
 *   <li>The key set is refetched when it is older than {@link SessionConfig#jwksMaxAge()}, or when a key
 *       id is unknown. Concurrent refetches are de-duplicated into one request.</li>
 *   <li>After any fetch attempt, further attempts wait out {@link SessionConfig#jwksPenaltyWindow()}
 *       (aws-jwt-verify's 10 s), so a flood of unknown kids or an outage never becomes a flood of fetches.</li>
 *   <li>Core URIs are tried in order; the first one answering 200 with a JWKS document holding at least one
 *       usable RS256 key wins.</li>
 *   <li>If a refetch fails, keys already cached stay usable (a core outage must not log everyone out);
 *       with nothing usable, the answer is {@link KeyLookup.Unavailable}, a server-side failure.</li>
 * </ul>
 */
public final class JwksCache implements KeySource {
    /** Largest JWKS document read; a real one is a few kilobytes. */
    static final int MAX_DOCUMENT_BYTES = JwksFetcher.MAX_DOCUMENT_BYTES;

    private final List<URI> jwksUris;
    private final JwksFetcher fetcher;
    private final long maxAgeMillis;
    private final long penaltyMillis;
    private final Clock clock;
    private final Object lock = new Object();

    private volatile KeySet current;
    private volatile long lastAttemptMillis = Long.MIN_VALUE;
    private volatile String lastFailure;
    private CompletableFuture<KeySet> inFlight;

    private JwksCache(SessionConfig config, JwksFetcher fetcher, Clock clock) {
        this.jwksUris = config.coreUris().stream()
                .map(u -> URI.create(u + "/.well-known/jwks.json"))
                .toList();
        this.fetcher = fetcher;
        this.maxAgeMillis = config.jwksMaxAge().toMillis();
        this.penaltyMillis = config.jwksPenaltyWindow().toMillis();
        this.clock = clock;
    }

    /**
     * The one way to build a cache. {@link dev.tollgate.session.Sessions} passes
     * {@link JwksFetcher#overUrlConnection} and a monotonic clock, so wall-clock jumps never stretch the
     * penalty window or the cache age.
     *
     * @param config core URIs, cache age, penalty window and timeouts
     * @param fetcher how one JWKS document is fetched
     * @param clock only differences between its readings are used
     */
    public static JwksCache create(SessionConfig config, JwksFetcher fetcher, Clock clock) {
        return new JwksCache(config, fetcher, clock);
    }

    @Override
    public KeyLookup lookup(String kid) {
        KeySet keys = current;
        long now = clock.millis();
        if (keys != null && isYoungerThan(keys.fetchedAtMillis, now, maxAgeMillis)) {
            KeyLookup.Found found = keys.byKid.get(kid);
            if (found != null) {
                return found;
            }
        }
        KeySet refreshed = refreshUnlessPenalised(now);
        KeySet usable = refreshed != null ? refreshed : current;
        if (usable == null) {
            return new KeyLookup.Unavailable(lastFailure == null ? "no JWKS fetched yet" : lastFailure);
        }
        KeyLookup.Found found = usable.byKid.get(kid);
        if (found != null) {
            return found;
        }
        // The key is not in what we have. If the last fetch failed, we cannot tell a forged kid from a new one.
        if (refreshed == null && lastFailure != null) {
            return new KeyLookup.Unavailable(lastFailure);
        }
        return KeyLookup.UNKNOWN_KID;
    }

    /**
     * Fetches the key set now, ignoring the cache age and the penalty window; for start-up.
     *
     * @return the number of usable keys
     * @throws JwksUnavailableException if no core answered with a JWKS document
     */
    public int preload() throws JwksUnavailableException {
        KeySet keys = refresh();
        if (keys == null) {
            throw new JwksUnavailableException(lastFailure);
        }
        return keys.byKid.size();
    }

    /** Key ids currently cached (for logs and health checks; key ids are public). */
    public Set<String> cachedKeyIds() {
        KeySet keys = current;
        return keys == null ? Set.of() : Set.copyOf(keys.byKid.keySet());
    }

    private KeySet refreshUnlessPenalised(long now) {
        long last = lastAttemptMillis;
        if (last != Long.MIN_VALUE && isYoungerThan(last, now, penaltyMillis)) {
            return null;
        }
        return refresh();
    }

    /** A clock that went backwards (e.g. a restored snapshot) makes everything old, never forever young. */
    private static boolean isYoungerThan(long then, long now, long window) {
        long age = now - then;
        return age >= 0 && age < window;
    }

    /** One fetch shared by every caller that asks while it runs. Returns null if it failed. */
    private KeySet refresh() {
        CompletableFuture<KeySet> future;
        boolean mine = false;
        synchronized (lock) {
            future = inFlight;
            if (future == null) {
                future = new CompletableFuture<>();
                inFlight = future;
                mine = true;
            }
        }
        if (!mine) {
            return future.join();
        }
        KeySet result = null;
        try {
            result = fetchFromFirstCoreThatAnswers();
            current = result;
            lastFailure = null;
        } catch (JwksUnavailableException e) {
            lastFailure = e.getMessage();
        } finally {
            lastAttemptMillis = clock.millis();
            synchronized (lock) {
                inFlight = null;
            }
            future.complete(result);
        }
        return result;
    }

    private KeySet fetchFromFirstCoreThatAnswers() throws JwksUnavailableException {
        StringBuilder failures = new StringBuilder("JWKS unavailable:");
        for (URI uri : jwksUris) {
            try {
                Map<String, KeyLookup.Found> keys = new HashMap<>();
                fetch(uri).forEach((kid, key) -> keys.put(kid, new KeyLookup.Found(key)));
                return new KeySet(Map.copyOf(keys), clock.millis());
            } catch (HttpTimeoutException | SocketTimeoutException e) {
                failures.append(' ').append(uri).append(" timed out;");
            } catch (IOException e) {
                failures.append(' ')
                        .append(uri)
                        .append(" unreachable (")
                        .append(e.getClass().getSimpleName())
                        .append(");");
            } catch (IllegalArgumentException e) {
                failures.append(' ')
                        .append(uri)
                        .append(' ')
                        .append(e.getMessage())
                        .append(';');
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failures.append(' ').append(uri).append(" interrupted;");
                break;
            }
        }
        throw new JwksUnavailableException(failures.toString());
    }

    private Map<String, PublicKey> fetch(URI uri) throws IOException, InterruptedException {
        byte[] bytes = fetcher.get(uri);
        JsonNode document;
        try {
            document = SessionJson.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("answered invalid JSON");
        }
        Map<String, PublicKey> keys = JwkParser.parse(document);
        if (keys.isEmpty()) {
            // A core always publishes a signing key; an empty set means we cannot verify anything, which is
            // our failure to report, not a reason to send every user into a refresh loop.
            throw new IllegalArgumentException("answered no usable RS256 key");
        }
        return keys;
    }

    private record KeySet(Map<String, KeyLookup.Found> byKid, long fetchedAtMillis) {}
}
