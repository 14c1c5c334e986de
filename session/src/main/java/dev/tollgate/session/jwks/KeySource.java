package dev.tollgate.session.jwks;

/** Where the verifier gets RS256 public keys from, by key id. */
@FunctionalInterface
public interface KeySource {
    /**
     * Finds the key named {@code kid}. Must not do I/O when the key is cached and fresh.
     *
     * @param kid the token header's {@code kid}; never used to build a URL or a file name
     */
    KeyLookup lookup(String kid);
}
