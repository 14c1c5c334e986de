package dev.tollgate.session.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Mints access tokens in the exact shapes of docs/supertokens.md#token-encoding, #token-payload (header {@code kid, typ, version, alg} as the
 * core writes it, payload with {@code parentRefreshTokenHash1} and {@code antiCsrfToken} as JSON null).
 */
public final class TokenMinter {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    public static final String USER = "58c69f6b-a5b6-4ae0-9261-5d51dc446be1";
    public static final String HANDLE = "2381cf94-9603-46b0-bebc-70d8fcdc0bb9";
    public static final String RTH1 = "3b3a22b1483deb1012d6fe0e8f907550b9e3ee5dc684cb5fca56ec507510dfaa";

    private TokenMinter() {}

    /** A header like the core's, for version 3, 4 or 5. */
    public static ObjectNode header(String kid, int version) {
        ObjectNode h = MAPPER.createObjectNode();
        h.put("kid", kid);
        h.put("typ", "JWT");
        h.put("version", Integer.toString(version));
        h.put("alg", "RS256");
        return h;
    }

    /** A payload like the core's for that version, issued at {@code iatSeconds}, valid one hour. */
    public static ObjectNode payload(int version, long iatSeconds) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("iat", iatSeconds);
        p.put("exp", iatSeconds + 3600);
        p.put("sub", USER);
        if (version >= 4) {
            p.put("tId", "public");
        }
        if (version >= 5) {
            p.put("rsub", USER);
        }
        p.put("sessionHandle", HANDLE);
        p.put("refreshTokenHash1", RTH1);
        p.putNull("parentRefreshTokenHash1");
        p.putNull("antiCsrfToken");
        p.put("iss", "http://localhost:4566/dev/auth");
        return p;
    }

    /** Signs header + payload with the test key of {@code signingKid}. */
    public static String sign(ObjectNode header, ObjectNode payload, String signingKid) {
        return sign(encode(header), encode(payload), TestKeys.pair(signingKid).getPrivate());
    }

    public static String sign(String headerB64, String payloadB64, PrivateKey key) {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            String input = headerB64 + "." + payloadB64;
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A standard v5 token signed by {@code kid}. */
    public static String v5(String kid, long iatSeconds) {
        return sign(header(kid, 5), payload(5, iatSeconds), kid);
    }

    public static String encode(ObjectNode node) {
        try {
            return b64(MAPPER.writeValueAsBytes(node));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
