package dev.tollgate.localstack.core.crypto;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** One RSA-2048 key: {@code d-<createdMs>} (dynamic, rotated) or {@code s-<uuid>} (static). */
public record SigningKey(String kid, KeyPair keyPair, long createdAtMs) {

    public boolean dynamic() {
        return kid.startsWith("d-");
    }

    /** The JWK the core publishes, fields in the core's order. */
    public Map<String, String> jwk() {
        RSAPublicKey publicKey = (RSAPublicKey) keyPair.getPublic();
        Map<String, String> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", kid);
        jwk.put("n", unsignedBase64Url(publicKey.getModulus()));
        jwk.put("e", unsignedBase64Url(publicKey.getPublicExponent()));
        jwk.put("alg", "RS256");
        jwk.put("use", "sig");
        return jwk;
    }

    private static String unsignedBase64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
