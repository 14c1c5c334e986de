package dev.tollgate.localstack.core.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Compact JWS with RS256 only. Signing goes through jose4j; verification of the stand-in's own tokens
 * stays a plain SHA256withRSA check, because it must also accept the core's lenient base64 forms.
 */
public final class Jwt {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Jwt() {}

    /**
     * Signs with jose4j. The header members are set in the order given (the core writes {@code kid,
     * typ, version, alg}); the payload is Jackson's serialisation, kept byte for byte.
     */
    public static String sign(ObjectNode header, ObjectNode payload, PrivateKey key) {
        JsonWebSignature jws = new JsonWebSignature();
        header.properties()
                .forEach(field -> jws.setHeader(field.getKey(), field.getValue().textValue()));
        jws.setPayloadBytes(bytes(payload));
        jws.setKey(key);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign with an RSA key", e);
        }
    }

    public static boolean verify(Parts parts, PublicKey key) {
        try {
            byte[] signatureBytes = Base64.getUrlDecoder().decode(parts.signature());
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts.header() + "." + parts.payload()).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(signatureBytes);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** The three segments of a token, or empty if it does not have exactly three. */
    public static Optional<Parts> split(String token) {
        String[] segments = token.split("\\.", -1);
        if (segments.length != 3) {
            return Optional.empty();
        }
        return Optional.of(new Parts(segments[0], segments[1], segments[2]));
    }

    /**
     * Decodes one segment to a JSON object; empty if it is not base64url or not a JSON object.
     * The core accepts standard and url-safe base64 alike.
     */
    public static Optional<ObjectNode> decodeObject(String segment) {
        try {
            byte[] raw = Base64.getUrlDecoder()
                    .decode(segment.replace('+', '-').replace('/', '_').replace("=", ""));
            JsonNode node = MAPPER.readTree(new String(raw, StandardCharsets.UTF_8));
            return node instanceof ObjectNode object ? Optional.of(object) : Optional.empty();
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** What the core's Gson sees when a segment is not a JSON object: the decoded text, lossy UTF-8. */
    public static String decodeLossy(String segment) {
        try {
            byte[] raw = Base64.getUrlDecoder()
                    .decode(segment.replace('+', '-').replace('/', '_').replace("=", ""));
            return new String(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise JWT segment", e);
        }
    }

    public record Parts(String header, String payload, String signature) {}
}
