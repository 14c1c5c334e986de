package dev.tollgate.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The one access-token minter of the tests: tokens in the exact shapes a SuperTokens core writes for
 * versions 3 to 5 (docs/supertokens.md#token-encoding,
 * #token-payload): header {@code {"kid","typ","version","alg"}} in
 * the core's order, flat payload with the core's protected props, the nullable ones present as JSON
 * null, and {@code iss}. Versions 3 and 4 lack {@code rsub}, version 3 also {@code tId}; {@link #v2}
 * builds the legacy shape.
 */
public final class AccessTokens {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** The user, session handle and refresh-token hash of the fixed payloads of {@link #payload}. */
    public static final String USER = "58c69f6b-a5b6-4ae0-9261-5d51dc446be1";

    public static final String HANDLE = "2381cf94-9603-46b0-bebc-70d8fcdc0bb9";
    public static final String RTH1 = "3b3a22b1483deb1012d6fe0e8f907550b9e3ee5dc684cb5fca56ec507510dfaa";

    private AccessTokens() {}

    // ---- fresh sessions: random handle, issued now ---------------------------------------------

    /** A fresh session's v5 token for {@code userId}, valid for an hour. */
    public static String v5(SigningKey key, String userId) {
        return v5(key, userId, p -> {});
    }

    /** Same, with the payload adjusted by {@code edit} before signing. */
    public static String v5(SigningKey key, String userId, Consumer<ObjectNode> edit) {
        long now = Instant.now().getEpochSecond();
        ObjectNode payload = MAPPER.createObjectNode();
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

    /** Signs {@code payload} under a v5 header naming {@code key}. */
    public static String sign(SigningKey key, ObjectNode payload) {
        return sign(encode(header(key.kid(), 5)), encode(payload), key.pair().getPrivate());
    }

    // ---- fixed sessions: USER / HANDLE / RTH1, any version ----------------------------------------

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

    /** A standard v5 token of the fixed session, signed by the shared key of {@code kid}. */
    public static String v5(String kid, long iatSeconds) {
        return sign(header(kid, 5), payload(5, iatSeconds), kid);
    }

    /**
     * A legacy version 2 token as the core wrote them: the fixed header {@code
     * {"alg":"RS256","typ":"JWT","version":"2"}} without {@code kid}, header, payload and signature in
     * standard base64, the payload with {@code userId}, {@code userData} and millisecond times. Signed by
     * the shared key of {@code signingKid}.
     */
    public static String v2(String signingKid, long iatSeconds) {
        ObjectNode p = MAPPER.createObjectNode();
        p.put("sessionHandle", HANDLE);
        p.put("userId", USER);
        p.put("refreshTokenHash1", RTH1);
        p.putNull("parentRefreshTokenHash1");
        p.putObject("userData");
        p.putNull("antiCsrfToken");
        p.put("expiryTime", (iatSeconds + 3600) * 1000);
        p.put("timeCreated", iatSeconds * 1000);
        Base64.Encoder standard = Base64.getEncoder();
        try {
            String input = standard.encodeToString(
                            "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"version\":\"2\"}".getBytes(StandardCharsets.UTF_8))
                    + "." + standard.encodeToString(MAPPER.writeValueAsBytes(p));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(SigningKey.of(signingKid).pair().getPrivate());
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + standard.encodeToString(s.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs header + payload with the shared key of {@code signingKid}. */
    public static String sign(ObjectNode header, ObjectNode payload, String signingKid) {
        return sign(
                encode(header),
                encode(payload),
                SigningKey.of(signingKid).pair().getPrivate());
    }

    /** Signs already encoded segments, so a test can sign bytes no JSON writer would produce. */
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

    // ---- reading and pieces ---------------------------------------------------------------------

    /** The decoded payload of a compact JWT. */
    public static ObjectNode payloadOf(String jwt) {
        try {
            return (ObjectNode) MAPPER.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A claim value in SuperTokens' {@code {"v": value, "t": fetchedAtMs}} form. */
    public static ObjectNode claim(boolean value) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("v", value);
        c.put("t", System.currentTimeMillis());
        return c;
    }

    public static String encode(ObjectNode node) {
        try {
            return b64(MAPPER.writeValueAsBytes(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
