package dev.tollgate.session.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.core.TokenInfo;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenTransferMethod;

/**
 * A verified session.
 *
 * @param userId primary user id ({@code sub})
 * @param recipeUserId recipe user id ({@code rsub}, else {@code sub})
 * @param sessionHandle session handle
 * @param tenantId tenant ({@code tId}, {@code public} for v3 tokens)
 * @param accessTokenPayload the payload of the current access token (the replacement's, if any); read-only
 * @param accessToken the current access token (the replacement, if any); a secret
 * @param accessTokenExpiryMillis its expiry
 * @param transferMethod where the request's token came from
 * @param newAccessToken a replacement access token from the core, or {@code null}
 * @param responseTokens what the response must carry for the replacement (Set-Cookie or
 *     {@code st-access-token}, {@code front-token}, expose header, echoed {@code anti-csrf});
 *     {@link ResponseTokens#NONE} when there is no replacement
 */
public record VerifiedSession(
        String userId,
        String recipeUserId,
        String sessionHandle,
        String tenantId,
        ObjectNode accessTokenPayload,
        String accessToken,
        long accessTokenExpiryMillis,
        TokenTransferMethod transferMethod,
        TokenInfo newAccessToken,
        ResponseTokens responseTokens)
        implements VerificationResult {

    /** Whether the core issued a replacement access token that the response must carry. */
    public boolean accessTokenUpdated() {
        return newAccessToken != null;
    }

    @Override
    public String toString() {
        return "VerifiedSession[user=" + userId + ", handle=" + sessionHandle + ", tenant=" + tenantId + ", via="
                + transferMethod + ", updated=" + accessTokenUpdated() + "]";
    }
}
