package dev.tollgate.localstack.core.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.crypto.RefreshTokenCodec;
import dev.tollgate.localstack.core.crypto.Sha256;
import dev.tollgate.localstack.core.crypto.SigningKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sessions as core 11 keeps them at CDI ≤ 5.5 (docs/supertokens.md#core-verify, #rotation): lazy refresh-token rotation, the
 * child promoted on its first verify or refresh, theft when an older token is replayed. Concurrent
 * refreshes with the same current parent all succeed (each mints a child; none is promoted until
 * used), which is the grace that keeps two tabs refreshing at once logged in.
 */
public final class SessionService {

    private static final String TENANT = "public";
    /** Expired sessions are dropped at most this often (on a create), so memory stays bounded. */
    private static final long SWEEP_INTERVAL_MS = 60_000;

    private final ConcurrentMap<String, SessionRecord> sessions = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long refreshValidityMs;
    private final CoreAccessTokens accessTokens;
    private final RefreshTokenCodec refreshTokens = new RefreshTokenCodec();
    private final AtomicLong lastSweep = new AtomicLong();

    public SessionService(SigningKeys keys, Clock clock, Duration accessTokenValidity, Duration refreshTokenValidity) {
        this.clock = clock;
        this.refreshValidityMs = refreshTokenValidity.toMillis();
        this.accessTokens = new CoreAccessTokens(keys, clock, accessTokenValidity.toMillis());
    }

    public NewTokens create(
            String userId,
            ObjectNode userDataInJWT,
            ObjectNode userDataInDatabase,
            boolean enableAntiCsrf,
            boolean useStaticKey)
            throws SessionProblem.PayloadError {
        CoreAccessTokens.assertNoProtectedProps(userDataInJWT);
        sweepExpired();
        String handle = UUID.randomUUID().toString();
        String antiCsrf = enableAntiCsrf ? UUID.randomUUID().toString() : null;
        ObjectNode payload = userDataInJWT.deepCopy();
        long now = clock.millis();
        String refreshToken =
                refreshTokens.encode(new RefreshTokenCodec.Contents(handle, userId, null, antiCsrf, TENANT));
        sessions.put(
                handle,
                new SessionRecord(
                        handle,
                        userId,
                        userId,
                        TENANT,
                        now,
                        userDataInDatabase.deepCopy(),
                        Sha256.hex(Sha256.hex(refreshToken)),
                        now + refreshValidityMs,
                        payload,
                        useStaticKey));
        MintedToken accessToken = accessTokens.mint(
                handle, userId, userId, TENANT, Sha256.hex(refreshToken), null, antiCsrf, payload, null, useStaticKey);
        return new NewTokens(
                new IssuedSession(handle, userId, userId, payload, TENANT),
                accessToken,
                new MintedToken(refreshToken, now + refreshValidityMs, now),
                Optional.ofNullable(antiCsrf));
    }

    public Verified verify(
            String token, String antiCsrfToken, boolean enableAntiCsrf, boolean doAntiCsrfCheck, boolean checkDatabase)
            throws SessionProblem {
        CoreAccessTokens.Claims claims = accessTokens.verify(token, doAntiCsrfCheck && enableAntiCsrf);
        if (enableAntiCsrf
                && doAntiCsrfCheck
                && (antiCsrfToken == null || !antiCsrfToken.equals(claims.antiCsrfToken()))) {
            throw new SessionProblem.TryRefresh("anti-csrf check failed");
        }
        boolean payloadNeedsUpdate = false;
        if (checkDatabase) {
            SessionRecord record = live(claims.sessionHandle())
                    .orElseThrow(() ->
                            new SessionProblem.Unauthorised("Either the session has ended or has been blacklisted"));
            synchronized (record) {
                payloadNeedsUpdate = !claims.userData().equals(record.userDataInJWT);
            }
        }
        IssuedSession fromToken = new IssuedSession(
                claims.sessionHandle(), claims.userId(), claims.recipeUserId(), claims.userData(), claims.tenantId());
        if (claims.parentRefreshTokenHash1() == null && !payloadNeedsUpdate) {
            return new Verified(fromToken, Optional.empty());
        }
        SessionRecord record = live(claims.sessionHandle())
                .orElseThrow(() -> new SessionProblem.Unauthorised("Session missing in db"));
        synchronized (record) {
            if (record.revoked) {
                throw new SessionProblem.Unauthorised("Session missing in db");
            }
            boolean promote = claims.parentRefreshTokenHash1() != null
                    && record.refreshTokenHash2.equals(Sha256.hex(claims.parentRefreshTokenHash1()));
            if (promote) {
                record.refreshTokenHash2 = Sha256.hex(claims.refreshTokenHash1());
                record.expiry = clock.millis() + refreshValidityMs;
            }
            if (promote
                    || record.refreshTokenHash2.equals(Sha256.hex(claims.refreshTokenHash1()))
                    || payloadNeedsUpdate) {
                MintedToken fresh = reissue(claims, null, record.userDataInJWT, null, record.useStaticKey);
                return new Verified(
                        new IssuedSession(
                                claims.sessionHandle(),
                                claims.userId(),
                                claims.recipeUserId(),
                                record.userDataInJWT,
                                claims.tenantId()),
                        Optional.of(fresh));
            }
        }
        return new Verified(fromToken, Optional.empty());
    }

    public NewTokens refresh(
            String refreshToken, String antiCsrfToken, boolean enableAntiCsrf, Optional<Boolean> useStaticKey)
            throws SessionProblem {
        RefreshTokenCodec.Contents contents;
        try {
            contents = refreshTokens.decode(refreshToken);
        } catch (RefreshTokenCodec.InvalidRefreshToken e) {
            throw new SessionProblem.Unauthorised(e.getMessage());
        }
        if (enableAntiCsrf
                && contents.antiCsrfToken() != null
                && !contents.antiCsrfToken().equals(antiCsrfToken)) {
            throw new SessionProblem.Unauthorised("Anti CSRF token missing, or not matching");
        }
        String missing = "Session missing in db or has expired";
        SessionRecord record = sessions.get(contents.sessionHandle());
        if (record == null) {
            throw new SessionProblem.Unauthorised(missing);
        }
        String hash1 = Sha256.hex(refreshToken);
        String hash2 = Sha256.hex(hash1);
        synchronized (record) {
            long now = clock.millis();
            if (!record.usable(now)) {
                throw new SessionProblem.Unauthorised(missing);
            }
            boolean staticKey = useStaticKey.orElse(record.useStaticKey);
            boolean isCurrentParent = record.refreshTokenHash2.equals(hash2);
            boolean isUnpromotedChild = contents.parentRefreshTokenHash1() != null
                    && Sha256.hex(contents.parentRefreshTokenHash1()).equals(record.refreshTokenHash2);
            if (!isCurrentParent && !isUnpromotedChild) {
                throw new SessionProblem.TokenTheft(record.handle, record.userId, record.recipeUserId);
            }
            if (isUnpromotedChild) {
                record.refreshTokenHash2 = hash2;
                record.expiry = now + refreshValidityMs;
            }
            record.useStaticKey = staticKey;
            String antiCsrf = enableAntiCsrf ? UUID.randomUUID().toString() : null;
            String child = refreshTokens.encode(new RefreshTokenCodec.Contents(
                    record.handle, record.recipeUserId, hash1, antiCsrf, record.tenantId));
            MintedToken accessToken = accessTokens.mint(
                    record.handle,
                    record.userId,
                    record.recipeUserId,
                    record.tenantId,
                    Sha256.hex(child),
                    hash1,
                    antiCsrf,
                    record.userDataInJWT,
                    null,
                    staticKey);
            return new NewTokens(
                    new IssuedSession(
                            record.handle, record.userId, record.recipeUserId, record.userDataInJWT, record.tenantId),
                    accessToken,
                    new MintedToken(child, now + refreshValidityMs, now),
                    Optional.ofNullable(antiCsrf));
        }
    }

    /** Replaces the session's custom claims; re-signs the given token unless it has expired. */
    public Verified regenerate(String token, Optional<ObjectNode> userDataInJWT) throws SessionProblem {
        CoreAccessTokens.Claims claims = accessTokens.readUnverified(token);
        if (userDataInJWT.isPresent()) {
            CoreAccessTokens.assertNoProtectedProps(userDataInJWT.get());
        }
        SessionRecord record = live(claims.sessionHandle())
                .orElseThrow(() -> new SessionProblem.Unauthorised("Session does not exist."));
        ObjectNode payload;
        boolean staticKey;
        synchronized (record) {
            if (record.revoked) {
                throw new SessionProblem.Unauthorised("Session does not exist.");
            }
            payload = userDataInJWT.map(ObjectNode::deepCopy).orElse(record.userDataInJWT);
            record.userDataInJWT = payload;
            staticKey = record.useStaticKey;
        }
        IssuedSession info = new IssuedSession(
                claims.sessionHandle(), claims.userId(), claims.recipeUserId(), payload, claims.tenantId());
        if (claims.expiryMs() < clock.millis()) {
            return new Verified(info, Optional.empty());
        }
        MintedToken fresh = reissue(claims, claims.parentRefreshTokenHash1(), payload, claims.expiryMs(), staticKey);
        return new Verified(info, Optional.of(fresh));
    }

    /** A new access token for the same session and refresh token as {@code claims}, with this payload. */
    private MintedToken reissue(
            CoreAccessTokens.Claims claims, String parentHash, ObjectNode payload, Long expiryMs, boolean staticKey) {
        return accessTokens.mint(
                claims.sessionHandle(),
                claims.userId(),
                claims.recipeUserId(),
                claims.tenantId(),
                claims.refreshTokenHash1(),
                parentHash,
                claims.antiCsrfToken(),
                payload,
                expiryMs,
                staticKey);
    }

    /**
     * Replaces the session's data in the database ({@code PUT /recipe/session/data}); tokens already
     * issued are unaffected.
     */
    public void updateDataInDatabase(String handle, ObjectNode userDataInDatabase) throws SessionProblem.Unauthorised {
        SessionRecord record = liveForUpdate(handle);
        synchronized (record) {
            record.userDataInDatabase = userDataInDatabase.deepCopy();
        }
    }

    /**
     * Replaces the session's custom access-token claims without a token ({@code PUT /recipe/jwt/data}).
     * Tokens already issued keep their old payload; the next verify with {@code checkDatabase} or
     * the next refresh issues a token with the new one.
     */
    public void updateAccessTokenPayload(String handle, ObjectNode userDataInJWT) throws SessionProblem {
        CoreAccessTokens.assertNoProtectedProps(userDataInJWT);
        SessionRecord record = liveForUpdate(handle);
        synchronized (record) {
            record.userDataInJWT = userDataInJWT.deepCopy();
        }
    }

    private SessionRecord liveForUpdate(String handle) throws SessionProblem.Unauthorised {
        SessionRecord record =
                live(handle).orElseThrow(() -> new SessionProblem.Unauthorised("Session does not exist."));
        synchronized (record) {
            if (record.revoked) {
                throw new SessionProblem.Unauthorised("Session does not exist.");
            }
        }
        return record;
    }

    /** Revokes the named sessions; answers the handles that existed. */
    public List<String> remove(List<String> handles) {
        List<String> revoked = new ArrayList<>();
        for (String handle : handles) {
            SessionRecord record = sessions.remove(handle);
            if (record != null) {
                synchronized (record) {
                    if (!record.revoked) {
                        record.revoked = true;
                        revoked.add(handle);
                    }
                }
            }
        }
        return revoked;
    }

    public List<String> removeAllForUser(String userId) {
        List<String> handles = new ArrayList<>();
        sessions.values().forEach(record -> {
            if (record.userId.equals(userId) || record.recipeUserId.equals(userId)) {
                handles.add(record.handle);
            }
        });
        return remove(handles);
    }

    public List<String> handlesForUser(String userId) {
        long now = clock.millis();
        List<String> handles = new ArrayList<>();
        for (SessionRecord record : sessions.values()) {
            synchronized (record) {
                if ((record.userId.equals(userId) || record.recipeUserId.equals(userId)) && record.usable(now)) {
                    handles.add(record.handle);
                }
            }
        }
        return handles;
    }

    /** The stored session, as {@code GET /recipe/session} shows it. */
    public Snapshot get(String handle) throws SessionProblem.Unauthorised {
        SessionRecord record =
                live(handle).orElseThrow(() -> new SessionProblem.Unauthorised("Session does not exist."));
        synchronized (record) {
            return new Snapshot(
                    record.handle,
                    record.userId,
                    record.recipeUserId,
                    record.userDataInDatabase,
                    record.expiry,
                    record.userDataInJWT,
                    record.timeCreated,
                    record.tenantId);
        }
    }

    public record Snapshot(
            String sessionHandle,
            String userId,
            String recipeUserId,
            ObjectNode userDataInDatabase,
            long expiry,
            ObjectNode userDataInJWT,
            long timeCreated,
            String tenantId) {}

    private void sweepExpired() {
        long now = clock.millis();
        long last = lastSweep.get();
        if (now - last < SWEEP_INTERVAL_MS || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        for (String handle : sessions.keySet()) {
            live(handle);
        }
    }

    /** A session that exists and has not expired; expired ones are dropped on the way. */
    private Optional<SessionRecord> live(String handle) {
        if (handle == null) {
            return Optional.empty();
        }
        SessionRecord record = sessions.get(handle);
        if (record == null) {
            return Optional.empty();
        }
        synchronized (record) {
            if (record.usable(clock.millis())) {
                return Optional.of(record);
            }
        }
        sessions.remove(handle, record);
        return Optional.empty();
    }
}
