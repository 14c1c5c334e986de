package dev.tollgate.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** Independent RS256 verification of a token against a published JWKS, with the JDK only. */
public final class Jwks {

    private Jwks() {}

    public static boolean verifies(JsonNode jwks, String jwt) {
        String kid = CdiCalls.read(CdiCalls.segment(jwt, 0)).get("kid").asText();
        for (JsonNode key : jwks.get("keys")) {
            if (key.get("kid").asText().equals(kid)) {
                return signatureValid(key, jwt);
            }
        }
        return false;
    }

    private static boolean signatureValid(JsonNode jwk, String jwt) {
        try {
            BigInteger n =
                    new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").asText()));
            BigInteger e =
                    new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("e").asText()));
            PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
            String[] parts = jwt.split("\\.");
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
