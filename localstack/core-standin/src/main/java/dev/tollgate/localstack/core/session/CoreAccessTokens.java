package dev.tollgate.localstack.core.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.crypto.CoreSigningKey;
import dev.tollgate.localstack.core.crypto.Jwt;
import dev.tollgate.localstack.core.crypto.SigningKeys;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * v5 access tokens exactly as core 11 mints them (docs/supertokens.md#token-encoding, #token-payload): header {@code kid, typ, version
 * "5", alg RS256}; payload {@code iat, exp, sub, tId, rsub, sessionHandle, refreshTokenHash1,
 * parentRefreshTokenHash1, antiCsrfToken} (nulls kept) followed by the custom claims; times in whole
 * seconds. Reading applies the core's checks in the core's order (docs/supertokens.md#core-verify).
 */
final class CoreAccessTokens {

    /** The core's required-and-protected props of a v5 token; a custom claim may not use them. */
    static final List<String> PROTECTED = List.of(
            "sub",
            "exp",
            "iat",
            "sessionHandle",
            "refreshTokenHash1",
            "parentRefreshTokenHash1",
            "antiCsrfToken",
            "tId",
            "rsub");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SigningKeys keys;
    private final Clock clock;
    private final long validityMs;

    CoreAccessTokens(SigningKeys keys, Clock clock, long validityMs) {
        this.keys = keys;
        this.clock = clock;
        this.validityMs = validityMs;
    }

    /** What the core keeps of a verified token. {@code userData} is the payload minus protected props. */
    record Claims(
            String sessionHandle,
            String userId,
            String recipeUserId,
            String refreshTokenHash1,
            String parentRefreshTokenHash1,
            String antiCsrfToken,
            ObjectNode userData,
            long expiryMs,
            long createdMs,
            String tenantId) {}

    static void assertNoProtectedProps(ObjectNode userData) throws SessionProblem.PayloadError {
        for (String prop : PROTECTED) {
            if (userData.has(prop)) {
                throw new SessionProblem.PayloadError("The user payload contains protected field");
            }
        }
    }

    /**
     * @param expiryMs null for now + validity (create, refresh, verify); the old expiry on regenerate
     */
    MintedToken mint(
            String sessionHandle,
            String userId,
            String recipeUserId,
            String tenantId,
            String refreshTokenHash1,
            String parentRefreshTokenHash1,
            String antiCsrfToken,
            ObjectNode userData,
            Long expiryMs,
            boolean useStaticKey) {
        long now = clock.millis();
        long created = now / 1000 * 1000;
        long expiry = (expiryMs == null ? now + validityMs : expiryMs) / 1000 * 1000;
        CoreSigningKey key = keys.signingKey(useStaticKey);
        ObjectNode header = NODES.objectNode();
        header.put("kid", key.kid());
        header.put("typ", "JWT");
        header.put("version", "5");
        header.put("alg", "RS256");
        ObjectNode payload = NODES.objectNode();
        payload.put("iat", created / 1000);
        payload.put("exp", expiry / 1000);
        payload.put("sub", userId);
        payload.put("tId", tenantId);
        payload.put("rsub", recipeUserId);
        payload.put("sessionHandle", sessionHandle);
        payload.put("refreshTokenHash1", refreshTokenHash1);
        payload.put("parentRefreshTokenHash1", parentRefreshTokenHash1);
        payload.put("antiCsrfToken", antiCsrfToken);
        userData.properties().forEach(field -> payload.set(field.getKey(), field.getValue()));
        String token = Jwt.sign(header, payload, key.keyPair().getPrivate());
        return new MintedToken(token, expiry, created);
    }

    /** Signature, structure and expiry, as the core's {@code getInfoFromAccessToken}. */
    Claims verify(String token, boolean requireAntiCsrf) throws SessionProblem {
        Jwt.Parts parts =
                Jwt.split(token).orElseThrow(() -> new SessionProblem.TryRefresh(jwtException("Invalid JWT")));
        String kid = checkHeader(parts);
        CoreSigningKey key = keys.find(kid)
                .orElseThrow(() -> new SessionProblem.TryRefresh(
                        "io.supertokens.exceptions.TryRefreshTokenException: Key not found"));
        if (!Jwt.verify(parts, key.keyPair().getPublic())) {
            throw new SessionProblem.TryRefresh(jwtException("JWT verification failed"));
        }
        ObjectNode payload = Jwt.decodeObject(parts.payload())
                .orElseThrow(() -> new SessionProblem.TryRefresh(jwtException("Invalid JWT")));
        Claims claims = claims(payload);
        if (claims.expiryMs() < clock.millis()) {
            throw new SessionProblem.TryRefresh("Access token expired");
        }
        if (requireAntiCsrf && claims.antiCsrfToken() == null) {
            throw new SessionProblem.TryRefresh(
                    "Access token does not contain all the information. Maybe the structure has changed?");
        }
        return claims;
    }

    /** The claims without checking signature or expiry: regenerate trusts an already-verified token. */
    Claims readUnverified(String token) throws SessionProblem {
        Jwt.Parts parts =
                Jwt.split(token).orElseThrow(() -> new SessionProblem.Unauthorised(jwtException("Invalid JWT")));
        checkHeader(parts);
        ObjectNode payload = Jwt.decodeObject(parts.payload())
                .orElseThrow(() -> new SessionProblem.Unauthorised(jwtException("Invalid JWT")));
        return claims(payload);
    }

    private static String checkHeader(Jwt.Parts parts) throws SessionProblem {
        Optional<ObjectNode> decoded = Jwt.decodeObject(parts.header());
        if (decoded.isEmpty()) {
            throw new SessionProblem.MalformedToken("java.lang.IllegalStateException: Not a JSON Object: "
                    + NODES.textNode(Jwt.decodeLossy(parts.header())));
        }
        ObjectNode header = decoded.get();
        requireText(header, "typ", "JWT");
        requireText(header, "alg", "RS256");
        JsonNode version = header.get("version");
        if (version != null && (!version.isTextual() || !"5".equals(version.textValue()))) {
            // the stand-in only ever minted v5; v1-v4 tokens are answered like an unknown shape
            throw new SessionProblem.TryRefresh(jwtException("JWT header mismatch - version"));
        }
        JsonNode kid = header.get("kid");
        if (kid == null) {
            throw new SessionProblem.TryRefresh(jwtException("JWT header missing - kid"));
        }
        if (!kid.isTextual()) {
            throw new SessionProblem.TryRefresh(jwtException("JWT header mismatch - kid"));
        }
        return kid.textValue();
    }

    private static void requireText(ObjectNode header, String field, String expected) throws SessionProblem {
        JsonNode value = header.get(field);
        if (value == null) {
            throw new SessionProblem.TryRefresh(jwtException("JWT header missing - " + field));
        }
        if (!value.isTextual() || !expected.equals(value.textValue())) {
            throw new SessionProblem.TryRefresh(jwtException("JWT header mismatch - " + field));
        }
    }

    private static Claims claims(ObjectNode payload) throws SessionProblem.TryRefresh {
        for (String prop : PROTECTED) {
            if (!payload.has(prop)) {
                throw new SessionProblem.TryRefresh(
                        "Access token does not contain all the information. " + "Maybe the structure has changed?");
            }
        }
        JsonNode exp = payload.get("exp");
        JsonNode iat = payload.get("iat");
        if (!exp.canConvertToLong() || !iat.canConvertToLong()) {
            throw new SessionProblem.TryRefresh(
                    "Access token does not contain all the information. " + "Maybe the structure has changed?");
        }
        ObjectNode userData = NODES.objectNode();
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            if (!PROTECTED.contains(field.getKey())) {
                userData.set(field.getKey(), field.getValue());
            }
        }
        return new Claims(
                text(payload, "sessionHandle"),
                text(payload, "sub"),
                text(payload, "rsub"),
                text(payload, "refreshTokenHash1"),
                text(payload, "parentRefreshTokenHash1"),
                text(payload, "antiCsrfToken"),
                userData,
                exp.asLong() * 1000,
                iat.asLong() * 1000,
                text(payload, "tId"));
    }

    private static String text(ObjectNode payload, String field) {
        JsonNode value = payload.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String jwtException(String message) {
        return "io.supertokens.session.jwt.JWT$JWTException: " + message;
    }
}
