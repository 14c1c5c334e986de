package dev.tollgate.session.verify;

import dev.tollgate.session.internal.token.JwtSegments;
import dev.tollgate.session.jwks.KeyLookup;
import dev.tollgate.session.jwks.KeySource;
import dev.tollgate.session.token.AccessToken;
import java.security.GeneralSecurityException;
import java.security.Signature;

/** RS256 (RSASSA-PKCS1-v1_5 with SHA-256) and nothing else: the algorithm is fixed here, never read from the token. */
final class SignatureCheck {
    enum Outcome {
        VALID,
        INVALID,
        UNKNOWN_KID,
        KEYS_UNAVAILABLE
    }

    private static final ThreadLocal<Signature> RS256 = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA256withRSA", e);
        }
    });

    /** Reused per thread so the hot path does not allocate a copy of the signing input. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[2048]);

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
            Signature sig = RS256.get();
            sig.initVerify(((KeyLookup.Found) lookup).key());
            sig.update(asciiBytes(raw, dot2), 0, dot2);
            return sig.verify(signature) ? Outcome.VALID : Outcome.INVALID;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Outcome.INVALID;
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
