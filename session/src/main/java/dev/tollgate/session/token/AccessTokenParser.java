package dev.tollgate.session.token;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.internal.json.SessionJson;
import dev.tollgate.session.internal.token.Base64Segments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Decides whether a string is a SuperTokens access token, by node's rules (docs/supertokens.md#token-encoding, #token-payload), without
 * verifying the signature. A token that fails here is treated by the verifier as absent, never as an
 * error, exactly as node does.
 *
 * <p>Rules: three dot-separated segments; a raw header equal to one of the two fixed legacy headers is
 * a v2 token (then the v2 payload shape is checked); otherwise the header must be a JSON object with
 * {@code typ == "JWT"}, a {@code kid} member, and a {@code version} that is a string parsing (like
 * JavaScript's {@code parseInt}) to an integer of 3 or more, or absent (then 3). The payload must be a
 * JSON object with {@code stt} absent or 0, and per version: {@code sub}, {@code sessionHandle},
 * {@code refreshTokenHash1} strings, {@code exp}, {@code iat} numbers; v4+ also a string {@code tId}
 * (node skips this check through a quirk; we keep it, see README); v5+ also a string {@code rsub}.
 * Tokens longer than {@link #MAX_TOKEN_LENGTH} are not parsed at all.
 */
public final class AccessTokenParser {
    /** Longest token we look at; API Gateway caps all request headers at 10 KB anyway. */
    public static final int MAX_TOKEN_LENGTH = 16 * 1024;

    private static final String LEGACY_V1_HEADER = legacyHeader("1");
    private static final String LEGACY_V2_HEADER = legacyHeader("2");

    /** Per-thread decode buffer: the JSON trees do not keep a reference to it. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[2048]);

    private AccessTokenParser() {}

    /**
     * Parses {@code token}; returns {@code null} when it is not a SuperTokens access token.
     */
    public static ParsedToken parse(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) {
            return null;
        }
        String rawHeader = token.substring(0, dot1);
        JsonNode payloadNode = json(token, dot1 + 1, dot2);
        if (!(payloadNode instanceof ObjectNode)) {
            return null;
        }
        ObjectNode payload = (ObjectNode) payloadNode;
        if (!sttAllowed(payload)) {
            return null;
        }
        if (rawHeader.equals(LEGACY_V1_HEADER) || rawHeader.equals(LEGACY_V2_HEADER)) {
            return legacyShapeOk(payload) ? new LegacyAccessToken(token) : null;
        }
        JsonNode header = json(token, 0, dot1);
        if (!(header instanceof ObjectNode)) {
            return null;
        }
        int version = 3;
        JsonNode versionNode = header.get("version");
        if (versionNode != null) {
            if (!versionNode.isTextual()) {
                return null;
            }
            version = parseIntLikeJavaScript(versionNode.textValue());
        }
        JsonNode typ = header.get("typ");
        JsonNode kidNode = header.get("kid");
        if (typ == null || !"JWT".equals(typ.textValue()) || version < 3 || kidNode == null) {
            return null;
        }
        String sub = string(payload, "sub");
        String sessionHandle = string(payload, "sessionHandle");
        String refreshTokenHash1 = string(payload, "refreshTokenHash1");
        JsonNode exp = payload.get("exp");
        JsonNode iat = payload.get("iat");
        if (sub == null
                || sessionHandle == null
                || refreshTokenHash1 == null
                || exp == null
                || !exp.isNumber()
                || iat == null
                || !iat.isNumber()) {
            return null;
        }
        String tenantId = "public";
        if (version >= 4) {
            tenantId = string(payload, "tId");
            if (tenantId == null) {
                return null;
            }
        }
        String recipeUserId = string(payload, "rsub");
        if (version >= 5 && recipeUserId == null) {
            return null;
        }
        JsonNode alg = header.get("alg");
        return new AccessToken(
                token,
                version,
                kidNode.isTextual() ? kidNode.textValue() : null,
                alg != null && alg.isTextual() ? alg.textValue() : null,
                header.has("crit"),
                payload,
                sub,
                recipeUserId != null ? recipeUserId : sub,
                sessionHandle,
                tenantId,
                refreshTokenHash1,
                string(payload, "parentRefreshTokenHash1"),
                string(payload, "antiCsrfToken"),
                exp.doubleValue(),
                iat.doubleValue());
    }

    /** Decodes the payload of a JWT without any check; for tokens that come from the core itself. */
    public static ObjectNode payloadOf(String jwt) {
        int dot1 = jwt.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : jwt.indexOf('.', dot1 + 1);
        JsonNode node = dot2 < 0 ? null : json(jwt, dot1 + 1, dot2);
        if (!(node instanceof ObjectNode)) {
            throw new IllegalArgumentException("not a JWT with an object payload");
        }
        return (ObjectNode) node;
    }

    private static boolean sttAllowed(ObjectNode payload) {
        JsonNode stt = payload.get("stt");
        return stt == null || (stt.isNumber() && stt.doubleValue() == 0.0);
    }

    private static boolean legacyShapeOk(ObjectNode p) {
        return string(p, "sessionHandle") != null
                && string(p, "userId") != null
                && string(p, "refreshTokenHash1") != null
                && p.has("userData")
                && p.path("expiryTime").isNumber()
                && p.path("timeCreated").isNumber();
    }

    private static String string(ObjectNode payload, String name) {
        JsonNode n = payload.get(name);
        return n != null && n.isTextual() ? n.textValue().strip() : null;
    }

    private static JsonNode json(String token, int from, int to) {
        byte[] buffer = SCRATCH.get();
        int needed = (to - from) * 3 / 4 + 3;
        if (buffer.length < needed) {
            buffer = new byte[needed];
            SCRATCH.set(buffer);
        }
        int length = Base64Segments.decodeLenientInto(token, from, to, buffer);
        // Fast path straight from the bytes when they can only be read as UTF-8 (Jackson would sniff
        // UTF-16/32 from zero bytes, which node's UTF-8 decoding never does).
        if (length > 1 && buffer[0] == '{' && buffer[1] != 0) {
            try {
                return SessionJson.readTree(buffer, 0, length, true);
            } catch (IOException e) {
                // fall through: invalid UTF-8 is read the way node reads it, below
            }
        }
        // Node decodes with U+FFFD for invalid UTF-8 before JSON.parse.
        try {
            return SessionJson.readTree(new String(buffer, 0, length, StandardCharsets.UTF_8), true);
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code Number.parseInt}: optional whitespace and sign, then leading digits; -1 when there are none. */
    static int parseIntLikeJavaScript(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        long value = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9' && value < Integer.MAX_VALUE) {
            value = value * 10 + (s.charAt(i) - '0');
            i++;
        }
        if (i == start) {
            return -1;
        }
        return negative ? -1 : (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static String legacyHeader(String version) {
        String json = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"version\":\"" + version + "\"}";
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
