package dev.tollgate.session.verify;

import dev.tollgate.session.jwks.KeyLookup;
import dev.tollgate.session.jwks.KeySource;
import dev.tollgate.session.token.AccessToken;
import dev.tollgate.session.token.JwtSegments;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;

/** RS256 (RSASSA-PKCS1-v1_5 with SHA-256) and nothing else: the algorithm is fixed here, never read from the token. */
final class SignatureCheck {
    enum Outcome { VALID, INVALID, UNKNOWN_KID, KEYS_UNAVAILABLE }

    private static final ThreadLocal<Signature> RS256 = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance("SHA256withRSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no SHA256withRSA", e);
        }
    });

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
            sig.update(raw.substring(0, dot2).getBytes(StandardCharsets.US_ASCII));
            return sig.verify(signature) ? Outcome.VALID : Outcome.INVALID;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Outcome.INVALID;
        }
    }
}
