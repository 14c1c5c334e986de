package dev.tollgate.localstack.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Refresh tokens in the core's V2 shape, {@code <base64(iv ‖ AES-256-GCM(json))>.<nonce>.V2}: opaque
 * to everyone else, recoverable only here. The key is random per process (the stand-in is in
 * memory, so tokens need not outlive it). The nonce is repeated inside the ciphertext and checked.
 */
public final class RefreshTokenCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final SecretKey key;

    public RefreshTokenCodec() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, RANDOM);
            this.key = generator.generateKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("AES is part of every JDK", e);
        }
    }

    /** What a refresh token carries. {@code parentRefreshTokenHash1} is null for a session's first token. */
    public record Contents(
            String sessionHandle,
            String userId,
            String parentRefreshTokenHash1,
            String antiCsrfToken,
            String tenantId) {}

    /** A refresh token that cannot be read; the message is the core's. */
    public static final class InvalidRefreshToken extends Exception {
        public InvalidRefreshToken(String message) {
            super(message, null, false, false);
        }
    }

    public String encode(Contents contents) {
        String nonce = Sha256.hex(UUID.randomUUID().toString());
        ObjectNode json = MAPPER.createObjectNode();
        json.put("sessionHandle", contents.sessionHandle());
        json.put("userId", contents.userId());
        json.put("parentRefreshTokenHash1", contents.parentRefreshTokenHash1());
        json.put("nonce", nonce);
        json.put("antiCsrfToken", contents.antiCsrfToken());
        json.put("tenantId", "public".equals(contents.tenantId()) ? null : contents.tenantId());
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(MAPPER.writeValueAsBytes(json));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
            return Base64.getEncoder().encodeToString(out) + "." + nonce + ".V2";
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot seal a refresh token", e);
        }
    }

    public Contents decode(String token) throws InvalidRefreshToken {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || !parts[2].equals("V2")) {
            throw new InvalidRefreshToken("io.supertokens.session.refreshToken.RefreshToken"
                    + "$InvalidRefreshTokenFormatException: version of refresh token not recognised");
        }
        JsonNode json = open(parts[0]);
        String nonce = text(json, "nonce");
        if (nonce == null || !nonce.equals(parts[1])) {
            throw new InvalidRefreshToken("Invalid refresh token");
        }
        String sessionHandle = text(json, "sessionHandle");
        String userId = text(json, "userId");
        if (sessionHandle == null || userId == null) {
            throw new InvalidRefreshToken("Invalid refresh token");
        }
        String tenantId = text(json, "tenantId");
        return new Contents(
                sessionHandle,
                userId,
                text(json, "parentRefreshTokenHash1"),
                text(json, "antiCsrfToken"),
                tenantId == null ? "public" : tenantId);
    }

    private JsonNode open(String sealedBase64) throws InvalidRefreshToken {
        try {
            byte[] raw = Base64.getDecoder().decode(sealedBase64);
            if (raw.length <= IV_BYTES + 16) {
                throw new InvalidRefreshToken("Invalid refresh token");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, raw, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(Arrays.copyOfRange(raw, IV_BYTES, raw.length));
            return MAPPER.readTree(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new InvalidRefreshToken("javax.crypto.AEADBadTagException: Tag mismatch");
        } catch (IllegalArgumentException | GeneralSecurityException | IOException e) {
            throw new InvalidRefreshToken("Invalid refresh token");
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isTextual() ? null : value.textValue();
    }
}
