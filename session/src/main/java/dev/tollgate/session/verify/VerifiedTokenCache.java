package dev.tollgate.session.verify;

import dev.tollgate.session.jwks.KeyLookup;
import dev.tollgate.session.jwks.KeySource;
import dev.tollgate.session.token.AccessToken;
import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Access tokens whose RS256 signature this process has already checked, so that a session making
 * call after call pays the token parsing and the RSA verification once.
 *
 * <p>What a hit skips is only what cannot change for the same bytes: the parse and the signature.
 * Everything that depends on the request or the clock (anti-CSRF, {@code nbf}, {@code exp}, the key
 * type, the core call for a token that names its parent, the route's claim validators) still runs on
 * every call. Rules that keep it safe:
 *
 * <ul>
 *   <li>the key is the whole token string, compared with {@code equals}: a token that differs in any
 *       character, including one that shares a long prefix with a cached token, never hits;
 *   <li>an entry is only served while the token is unexpired at the caller's clock, and is dropped
 *       once it is not;
 *   <li>an entry is only served while the key source still returns the very key that verified it
 *       (a refreshed JWKS that lost the key id, or changed its key, drops the entry);
 *   <li>bounded: at most {@code maxEntries} entries (least recently used evicted first), and tokens
 *       longer than {@link #MAX_TOKEN_CHARS} are never stored, so the memory is bounded by both.
 * </ul>
 *
 * <p>The cached token's payload is shared between hits: callers must treat it as read-only, as the
 * verifier and the claim validators do. Thread-safe (one lock; a Lambda instance runs one call at a
 * time).
 */
public final class VerifiedTokenCache {

    /** Longer tokens (a payload stuffed with claims) are verified every time rather than held. */
    public static final int MAX_TOKEN_CHARS = 8192;

    private record Entry(AccessToken token, PublicKey key) {}

    private final int maxEntries;
    private final Map<String, Entry> entries;

    /**
     * @param maxEntries how many verified tokens to keep, at least 1
     */
    public VerifiedTokenCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(Math.min(maxEntries, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerifiedTokenCache.this.maxEntries;
            }
        };
    }

    /**
     * The cached, already verified token with exactly these bytes, or {@code null}. An entry whose
     * token is expired at {@code nowMillis} is dropped and not returned, so the caller verifies it
     * in full (and reports the expiry).
     */
    public synchronized AccessToken get(String raw, long nowMillis) {
        Entry entry = entries.get(raw);
        if (entry == null) {
            return null;
        }
        if (entry.token().isExpiredAt(nowMillis)) {
            entries.remove(raw);
            return null;
        }
        return entry.token();
    }

    /**
     * Whether {@code token} (as returned by {@link #get}) may skip its signature check: the key
     * source must still hold the key that verified it. If it does not, the entry is dropped.
     */
    boolean signatureStillValid(AccessToken token, KeySource keys) {
        Entry entry;
        synchronized (this) {
            entry = entries.get(token.raw());
        }
        if (entry == null || entry.token() != token) {
            return false;
        }
        KeyLookup lookup = keys.lookup(token.kid());
        if (lookup instanceof KeyLookup.Found found
                && (found.key() == entry.key() || found.key().equals(entry.key()))) {
            return true;
        }
        remove(token.raw());
        return false;
    }

    /** Remembers a token whose signature was just verified with {@code key}. */
    synchronized void put(AccessToken token, PublicKey key) {
        if (token.raw().length() <= MAX_TOKEN_CHARS) {
            entries.put(token.raw(), new Entry(token, key));
        }
    }

    synchronized void remove(String raw) {
        entries.remove(raw);
    }

    /** How many tokens are held (for tests and health checks). */
    public synchronized int size() {
        return entries.size();
    }
}
