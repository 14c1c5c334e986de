package dev.tollgate.testkit;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** An RSA-2048 key pair with a SuperTokens-style dynamic key id, as the core creates them. */
public record SigningKey(String kid, KeyPair pair) {

    /** Keys by kid for {@link #of}: RSA key generation is the slowest thing a test would do. */
    private static final Map<String, SigningKey> SHARED = new ConcurrentHashMap<>();

    /** The one key of this JVM for {@code kid}, generated on first use. */
    public static SigningKey of(String kid) {
        return SHARED.computeIfAbsent(kid, SigningKey::generate);
    }

    /** A JWKS document ({@code {"keys":[...]}}) publishing the shared keys of these kids. */
    public static String jwks(String... kids) {
        return jwks(Arrays.stream(kids).map(SigningKey::of).toArray(SigningKey[]::new));
    }

    /** A JWKS document ({@code {"keys":[...]}}) publishing these keys. */
    public static String jwks(SigningKey... keys) {
        return Arrays.stream(keys).map(SigningKey::jwkJson).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    /** A new key pair, not shared with other tests. */
    public static SigningKey generate(String kid) {
        try {
            KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
            gen.initialize(2048);
            return new SigningKey(kid, gen.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JWK the core publishes for this key (docs/supertokens.md#jwks). */
    public String jwkJson() {
        RSAPublicKey pub = (RSAPublicKey) pair.getPublic();
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + b64(pub.getModulus()) + "\",\"e\":\""
                + b64(pub.getPublicExponent()) + "\",\"alg\":\"RS256\",\"use\":\"sig\"}";
    }

    public byte[] sign(byte[] data) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(pair.getPrivate());
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            // JWK wants the unsigned big-endian form.
            byte[] unsigned = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, unsigned, 0, unsigned.length);
            bytes = unsigned;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
