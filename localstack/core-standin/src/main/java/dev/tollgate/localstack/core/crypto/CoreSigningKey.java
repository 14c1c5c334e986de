package dev.tollgate.localstack.core.crypto;

import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;

/** One RSA-2048 key: {@code d-<createdMs>} (dynamic, rotated) or {@code s-<uuid>} (static). */
public record CoreSigningKey(String kid, KeyPair keyPair, long createdAtMs) {

    /** The core publishes its JWK members in this order. */
    private static final List<String> CORE_ORDER = List.of("kty", "kid", "n", "e", "alg", "use");

    public boolean dynamic() {
        return kid.startsWith("d-");
    }

    /** The public JWK, rendered by jose4j, with its members in the core's order. */
    public Map<String, String> jwk() {
        RsaJsonWebKey rsa = new RsaJsonWebKey((RSAPublicKey) keyPair.getPublic());
        rsa.setKeyId(kid);
        rsa.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
        rsa.setUse("sig");
        Map<String, Object> params = rsa.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        Map<String, String> jwk = new LinkedHashMap<>();
        for (String member : CORE_ORDER) {
            jwk.put(member, (String) params.get(member));
        }
        return jwk;
    }
}
