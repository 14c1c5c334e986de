package dev.tollgate.session.verify;

import dev.tollgate.session.internal.token.JwtSegments;
import dev.tollgate.session.jwks.KeyLookup;
import dev.tollgate.session.jwks.KeySource;
import dev.tollgate.session.token.AccessToken;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;

/** RS256 (RSASSA-PKCS1-v1_5 with SHA-256) and nothing else: the algorithm is fixed here, never read from the token. */
final class SignatureCheck {
    enum Outcome {
        VALID,
        INVALID,
        UNKNOWN_KID,
        KEYS_UNAVAILABLE
    }

    static final String ALGORITHM = "SHA256withRSA";

    /** Reused per thread so the hot path does not allocate a copy of the signing input. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[2048]);

    private final SignatureProvider providers;
    /** Per thread: a {@link Signature} is not thread-safe, and building one per check costs a lookup. */
    private final ThreadLocal<Engine> engines = new ThreadLocal<>();

    SignatureCheck(SignatureProvider providers) {
        this.providers = providers;
    }

    Outcome verify(AccessToken token, KeySource keys) {
        String raw = token.raw();
        int dot2 = raw.lastIndexOf('.');
        if (!JwtSegments.strictlyEncoded(raw)) {
            return Outcome.INVALID;
        }
        KeyLookup lookup = keys.lookup(token.kid());
        if (lookup instanceof KeyLookup.UnknownKid) {
            return Outcome.UNKNOWN_KID;
        }
        if (lookup instanceof KeyLookup.Unavailable) {
            return Outcome.KEYS_UNAVAILABLE;
        }
        byte[] signature = JwtSegments.signature(raw);
        if (signature == null) {
            return Outcome.INVALID;
        }
        try {
            Engine engine = engine(providers.current());
            Signature sig = engine.signature;
            sig.initVerify(engine.key(((KeyLookup.Found) lookup).key()));
            sig.update(asciiBytes(raw, dot2), 0, dot2);
            return sig.verify(signature) ? Outcome.VALID : Outcome.INVALID;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Outcome.INVALID;
        }
    }

    private Engine engine(Provider provider) throws GeneralSecurityException {
        Engine engine = engines.get();
        if (engine == null || engine.provider != provider) {
            engine = new Engine(provider);
            engines.set(engine);
        }
        return engine;
    }

    /**
     * One thread's signature engine for one provider. The JWKS keys are the JDK's key objects; another
     * provider would convert such a key on every {@code initVerify} (about 12 µs for a native one), so
     * the last key is kept converted: a core signs with one key at a time.
     */
    private static final class Engine {
        final Provider provider;
        final Signature signature;
        private final KeyFactory keys;
        private PublicKey lastKey;
        private PublicKey lastConverted;

        Engine(Provider provider) throws GeneralSecurityException {
            this.provider = provider;
            this.signature =
                    provider == null ? Signature.getInstance(ALGORITHM) : Signature.getInstance(ALGORITHM, provider);
            this.keys = provider == null ? null : KeyFactory.getInstance("RSA", provider);
        }

        PublicKey key(PublicKey jwk) throws GeneralSecurityException {
            if (keys == null) {
                return jwk;
            }
            if (jwk != lastKey) {
                lastConverted = (PublicKey) keys.translateKey(jwk);
                lastKey = jwk;
            }
            return lastConverted;
        }
    }

    /** The first {@code length} chars as bytes; the token was checked to be base64url (ASCII) already. */
    private static byte[] asciiBytes(String s, int length) {
        byte[] buffer = SCRATCH.get();
        if (buffer.length < length) {
            buffer = new byte[Math.max(length, buffer.length * 2)];
            SCRATCH.set(buffer);
        }
        for (int i = 0; i < length; i++) {
            buffer[i] = (byte) s.charAt(i);
        }
        return buffer;
    }
}
