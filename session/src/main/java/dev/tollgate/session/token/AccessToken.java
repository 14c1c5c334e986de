package dev.tollgate.session.token;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A structurally valid v3+ SuperTokens access token, <em>not yet verified</em>.
 *
 * <p>String claims are trimmed as node does. {@code payload} is the whole payload object (SuperTokens
 * claims and custom claims side by side); callers must treat it as read-only.
 *
 * @param raw the compact JWT as received
 * @param version header {@code version} (3 if absent)
 * @param kid header {@code kid}, or {@code null} if it is present but not a string
 * @param alg header {@code alg}, or {@code null} if absent or not a string
 * @param hasCritHeader whether the header carries {@code crit} (jose rejects unknown critical headers)
 * @param payload the decoded payload
 * @param userId {@code sub}, the primary user id
 * @param recipeUserId {@code rsub} if present, else {@code sub}
 * @param sessionHandle {@code sessionHandle}
 * @param tenantId {@code tId} for v4+, {@code "public"} for v3
 * @param refreshTokenHash1 {@code refreshTokenHash1}
 * @param parentRefreshTokenHash1 {@code parentRefreshTokenHash1}, or {@code null}
 * @param antiCsrfToken {@code antiCsrfToken}, or {@code null}
 * @param expirySeconds {@code exp}
 * @param issuedAtSeconds {@code iat}
 */
public record AccessToken(
        String raw,
        int version,
        String kid,
        String alg,
        boolean hasCritHeader,
        ObjectNode payload,
        String userId,
        String recipeUserId,
        String sessionHandle,
        String tenantId,
        String refreshTokenHash1,
        String parentRefreshTokenHash1,
        String antiCsrfToken,
        double expirySeconds,
        double issuedAtSeconds)
        implements ParsedToken {

    /** Expiry in milliseconds since the epoch ({@code exp * 1000}), as used for the front token's {@code ate}. */
    public long expiryMillis() {
        return (long) (expirySeconds * 1000);
    }

    /** Whether the token is expired at {@code nowMillis}, with no clock tolerance (docs/supertokens.md#expiry). */
    public boolean isExpiredAt(long nowMillis) {
        // jose: exp <= floor(now/1000); node: exp*1000 < now. The union of both.
        return expirySeconds <= Math.floorDiv(nowMillis, 1000) || expirySeconds * 1000 < nowMillis;
    }

    /** Whether the key id marks a dynamic signing key ({@code d-} prefix). */
    public boolean signedWithDynamicKey() {
        return kid != null && kid.startsWith("d-");
    }

    @Override
    public String toString() {
        // Never print the token or its payload.
        return "AccessToken[v" + version + ", kid=" + kid + "]";
    }
}
