package dev.tollgate.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Mints v5 access tokens exactly as a SuperTokens core with CDI 5.4 does (docs/supertokens.md#token-encoding, #token-payload):
 * header {@code {"kid":..,"typ":"JWT","version":"5","alg":"RS256"}}, flat payload with the core's
 * protected props (nullable ones present as JSON null) and {@code iss}.
 */
public final class AccessTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AccessTokens() {}

    /** A fresh session's token for {@code userId}, valid for an hour. */
    public static String v5(SigningKey key, String userId) {
        return v5(key, userId, p -> {});
    }

    /** Same, with the payload adjusted by {@code edit} before signing. */
    public static String v5(SigningKey key, String userId, Consumer<ObjectNode> edit) {
        long now = Instant.now().getEpochSecond();
        ObjectNode payload = JSON.createObjectNode();
        // Key order as a real core 11.4 writes it (golden capture), though order carries no meaning.
        payload.put("iat", now);
        payload.put("exp", now + 3600);
        payload.put("sub", userId);
        payload.put("tId", "public");
        payload.put("rsub", userId);
        payload.put("sessionHandle", UUID.randomUUID().toString());
        payload.put("refreshTokenHash1", sha256Hex("refresh-" + UUID.randomUUID()));
        payload.putNull("parentRefreshTokenHash1");
        payload.putNull("antiCsrfToken");
        payload.put("iss", "http://localhost:4000/auth");
        edit.accept(payload);
        return sign(key, payload);
    }

    public static String sign(SigningKey key, ObjectNode payload) {
        String header = "{\"kid\":\"" + key.kid() + "\",\"typ\":\"JWT\",\"version\":\"5\",\"alg\":\"RS256\"}";
        try {
            String signingInput =
                    b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(JSON.writeValueAsBytes(payload));
            return signingInput + "." + b64(key.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded payload of a compact JWT. */
    public static ObjectNode payloadOf(String jwt) {
        try {
            return (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A claim value in SuperTokens' {@code {"v": value, "t": fetchedAtMs}} form. */
    public static ObjectNode claim(boolean value) {
        ObjectNode c = JSON.createObjectNode();
        c.put("v", value);
        c.put("t", System.currentTimeMillis());
        return c;
    }

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
