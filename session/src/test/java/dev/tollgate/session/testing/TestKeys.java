package dev.tollgate.session.testing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** RSA-2048 key pairs generated in tests, one per kid, cached for the JVM. */
public final class TestKeys {
    private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();

    private TestKeys() {}

    public static KeyPair pair(String kid) {
        return PAIRS.computeIfAbsent(kid, k -> {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The JWK the core would publish for this kid (docs/supertokens.md#jwks). */
    public static String jwk(String kid) {
        RSAPublicKey pub = (RSAPublicKey) pair(kid).getPublic();
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + unsigned(pub.getModulus()) + "\",\"e\":\""
                + unsigned(pub.getPublicExponent()) + "\",\"alg\":\"RS256\",\"use\":\"sig\"}";
    }

    /** A JWKS document with these kids. */
    public static String jwks(String... kids) {
        StringBuilder sb = new StringBuilder("{\"keys\":[");
        for (int i = 0; i < kids.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(jwk(kids[i]));
        }
        return sb.append("]}").toString();
    }

    private static String unsigned(BigInteger v) {
        byte[] bytes = v.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
