package dev.tollgate.session.transfer;

/** How tokens travel between the frontend and the API (docs/supertokens.md#cookies, #transfer-method). */
public enum TokenTransferMethod {
    /** {@code sAccessToken} / {@code sRefreshToken} cookies. */
    COOKIE,
    /** {@code Authorization: Bearer} on requests; {@code st-access-token} / {@code st-refresh-token} on responses. */
    HEADER;

    /** The method this one is not: where a stale token may shadow a session written in this one. */
    public TokenTransferMethod other() {
        return this == COOKIE ? HEADER : COOKIE;
    }
}
