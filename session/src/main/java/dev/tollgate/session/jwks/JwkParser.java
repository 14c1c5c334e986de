package dev.tollgate.session.jwks;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a JWKS document into {@link PublicKey}s, once, so the hot path never parses keys.
 *
 * <p>Only keys usable for RS256 are kept, by jose's selection rules (docs/supertokens.md#jwks): {@code kty} RSA, a
 * string {@code kid}, {@code alg} absent or {@code RS256}, {@code use} absent or {@code sig},
 * {@code key_ops} absent or containing {@code verify}. Other entries are skipped, not fatal.
 */
final class JwkParser {
    private JwkParser() {}

    /**
     * @return kid to key; empty when the document has no usable key
     * @throws IllegalArgumentException when the document is not a JWKS at all
     */
    static Map<String, PublicKey> parse(JsonNode document) {
        JsonNode keys = document == null ? null : document.get("keys");
        if (keys == null || !keys.isArray()) {
            throw new IllegalArgumentException("not a JWKS document (no keys array)");
        }
        Map<String, PublicKey> result = new HashMap<>();
        KeyFactory factory;
        try {
            factory = KeyFactory.getInstance("RSA");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no RSA key factory", e);
        }
        for (JsonNode jwk : keys) {
            if (!usableForRs256(jwk)) {
                continue;
            }
            try {
                BigInteger n = new BigInteger(
                        1, Base64.getUrlDecoder().decode(jwk.get("n").textValue()));
                BigInteger e = new BigInteger(
                        1, Base64.getUrlDecoder().decode(jwk.get("e").textValue()));
                if (n.bitLength() < 2048 || e.signum() <= 0) {
                    continue;
                }
                result.put(jwk.get("kid").textValue(), factory.generatePublic(new RSAPublicKeySpec(n, e)));
            } catch (IllegalArgumentException | GeneralSecurityException ex) {
                // A malformed entry is skipped; the others remain usable.
            }
        }
        return result;
    }

    private static boolean usableForRs256(JsonNode jwk) {
        if (!jwk.isObject()
                || !"RSA".equals(jwk.path("kty").textValue())
                || !jwk.path("kid").isTextual()
                || !jwk.path("n").isTextual()
                || !jwk.path("e").isTextual()) {
            return false;
        }
        JsonNode alg = jwk.get("alg");
        if (alg != null && !"RS256".equals(alg.textValue())) {
            return false;
        }
        JsonNode use = jwk.get("use");
        if (use != null && !"sig".equals(use.textValue())) {
            return false;
        }
        JsonNode ops = jwk.get("key_ops");
        if (ops != null) {
            if (!ops.isArray()) {
                return false;
            }
            for (JsonNode op : ops) {
                if ("verify".equals(op.textValue())) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
