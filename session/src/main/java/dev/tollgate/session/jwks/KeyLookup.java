package dev.tollgate.session.jwks;

import java.security.PublicKey;

/** The answer of a {@link KeySource} for one key id. */
public sealed interface KeyLookup permits KeyLookup.Found, KeyLookup.UnknownKid, KeyLookup.Unavailable {

    /** The key with that id, parsed and ready to verify. */
    record Found(PublicKey key) implements KeyLookup {}

    /** The key set could be read, and it has no such key id. A client's problem: try-refresh. */
    record UnknownKid() implements KeyLookup {}

    /** No key set could be had (every core unreachable or answering garbage). A server-side failure. */
    record Unavailable(String reason) implements KeyLookup {}

    UnknownKid UNKNOWN_KID = new UnknownKid();
}
