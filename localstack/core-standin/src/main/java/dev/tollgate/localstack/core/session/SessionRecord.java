package dev.tollgate.localstack.core.session;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One session row (docs/supertokens.md#core-standin). Every read-modify-write of the mutable fields happens while holding
 * this record's monitor, so concurrent refreshes of one session serialise and different sessions
 * never contend.
 */
final class SessionRecord {

    final String handle;
    final String userId;
    final String recipeUserId;
    final String tenantId;
    final long timeCreated;

    /** H2 of the current parent refresh token. */
    String refreshTokenHash2;

    long expiry;
    ObjectNode userDataInDatabase;
    ObjectNode userDataInJWT;
    boolean useStaticKey;
    boolean revoked;

    SessionRecord(
            String handle,
            String userId,
            String recipeUserId,
            String tenantId,
            long timeCreated,
            ObjectNode userDataInDatabase,
            String refreshTokenHash2,
            long expiry,
            ObjectNode userDataInJWT,
            boolean useStaticKey) {
        this.handle = handle;
        this.userId = userId;
        this.recipeUserId = recipeUserId;
        this.tenantId = tenantId;
        this.timeCreated = timeCreated;
        this.userDataInDatabase = userDataInDatabase;
        this.refreshTokenHash2 = refreshTokenHash2;
        this.expiry = expiry;
        this.userDataInJWT = userDataInJWT;
        this.useStaticKey = useStaticKey;
    }

    /** Caller holds the monitor. */
    boolean usable(long now) {
        return !revoked && expiry >= now;
    }
}
