package dev.tollgate.session.verify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.claims.ClaimValidationError;
import dev.tollgate.session.claims.ClaimValidator;
import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreException;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.core.SessionInfo;
import dev.tollgate.session.core.TokenInfo;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.error.SessionError.VerifyError;
import dev.tollgate.session.http.BearerToken;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.http.RequestCookies;
import dev.tollgate.session.jwks.KeyLookup;
import dev.tollgate.session.jwks.KeySource;
import dev.tollgate.session.token.AccessToken;
import dev.tollgate.session.token.AccessTokenParser;
import dev.tollgate.session.token.LegacyAccessToken;
import dev.tollgate.session.token.ParsedToken;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenTransferMethod;
import dev.tollgate.session.transfer.TokenWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Node's {@code getSession} (docs/supertokens.md#verification) for one request: method + headers in, {@link VerificationResult} out.
 *
 * <p>Order of decisions: legacy {@code sIdRefreshToken} cookie; token extraction (a parseable
 * {@code Authorization: Bearer} token beats the cookie; unparseable tokens count as absent; duplicate
 * {@code sAccessToken} cookies); anti-CSRF by custom header; absent token; local verification
 * (RS256 pinned, key by {@code kid}, {@code nbf}, anti-CSRF token presence, expiry with no tolerance,
 * {@code kid} prefix); anti-CSRF token match; core verify when {@code parentRefreshTokenHash1} is set or
 * {@code checkDatabase}; claim validators.
 *
 * <p>With keys cached and no core call needed, a verification does no I/O and no key parsing.
 * Thread-safe.
 */
public final class SessionVerifier {
    private static final String RID_HEADER = "rid";

    /**
     * Every request header {@link #verify} reads, lower-cased. A caller on a hot path may hand over
     * only these (the authorizer does, to skip decoding the rest of a large event); a verification
     * over them alone decides exactly as over all of a request's headers.
     */
    public static final List<String> REQUEST_HEADERS =
            List.of("cookie", BearerToken.HEADER, TokenWriter.ANTI_CSRF_HEADER, RID_HEADER);

    private final SessionConfig config;
    private final KeySource keys;
    private final CoreClient core;
    private final TokenWriter writer;
    private final Clock clock;
    private final SignatureCheck signatures;
    private final VerifiedTokenCache verified;

    /**
     * @param config the library configuration
     * @param keys where signing keys come from (normally a {@link dev.tollgate.session.jwks.JwksCache})
     * @param core the CDI client, for tokens that need the core
     * @param clock the wall clock that token expiry and claim ages are compared with
     */
    public SessionVerifier(SessionConfig config, KeySource keys, CoreClient core, Clock clock) {
        this(config, keys, core, clock, null);
    }

    /**
     * @param verified tokens whose signature was already checked, shared across calls, or {@code null}
     *     to check every signature; see {@link VerifiedTokenCache} for what a hit skips and what not
     */
    public SessionVerifier(
            SessionConfig config, KeySource keys, CoreClient core, Clock clock, VerifiedTokenCache verified) {
        this(config, keys, core, clock, verified, SignatureProvider.JDK);
    }

    /** @param signatureProvider which provider checks RS256 signatures; see {@link SignatureProvider} */
    public SessionVerifier(
            SessionConfig config,
            KeySource keys,
            CoreClient core,
            Clock clock,
            VerifiedTokenCache verified,
            SignatureProvider signatureProvider) {
        this.config = config;
        this.keys = keys;
        this.core = core;
        this.writer = new TokenWriter(config);
        this.clock = clock;
        this.verified = verified;
        this.signatures = new SignatureCheck(Objects.requireNonNull(signatureProvider, "signatureProvider"));
    }

    /**
     * Primes the verification path with a built-in token and checks that the JDK's RS256 works: no I/O,
     * no JWKS, no core, no effect on the key cache. Call once at start-up (e.g. during a Lambda init or a
     * CRaC checkpoint), after {@link dev.tollgate.session.jwks.JwksCache#preload()} if you preload keys.
     * For a caller without a checkpoint of its own; the authorizer primes its whole decision path at its
     * SnapStart checkpoint instead and does not call this.
     *
     * @param iterations how many verifications to run (a few hundred get the JIT going)
     * @throws IllegalStateException if the self-test does not verify
     */
    public void warmUp(int iterations) {
        WarmUp.run(config, iterations);
    }

    /**
     * Verifies the session of a request.
     *
     * @param method the HTTP method (any case)
     * @param headers the request headers (all {@code Cookie} lines are read)
     * @param options per-call options
     */
    public VerificationResult verify(String method, Headers headers, VerifyOptions options) {
        RequestCookies.Scan cookies = RequestCookies.scan(
                headers, TokenWriter.LEGACY_ID_REFRESH_TOKEN_COOKIE, TokenWriter.ACCESS_TOKEN_COOKIE);
        if (cookies.value(TokenWriter.LEGACY_ID_REFRESH_TOKEN_COOKIE) != null) {
            return new VerificationFailed(new SessionError.TryRefreshToken("legacy_id_refresh_token_cookie"));
        }

        ParsedToken token = null;
        TokenTransferMethod transfer = null;
        String bearer = BearerToken.from(headers);
        if (bearer != null) {
            token = parse(bearer);
            transfer = token == null ? null : TokenTransferMethod.HEADER;
        }
        if (token == null) {
            String cookie = cookies.value(TokenWriter.ACCESS_TOKEN_COOKIE);
            token = cookie == null ? null : parse(cookie);
            if (token != null) {
                if (cookies.count(TokenWriter.ACCESS_TOKEN_COOKIE) > 1) {
                    return new VerificationFailed(new SessionError.TryRefreshToken("duplicate_access_token_cookie"));
                }
                transfer = TokenTransferMethod.COOKIE;
            }
        }

        String antiCsrfHeader = headers.first(TokenWriter.ANTI_CSRF_HEADER);
        boolean doAntiCsrfCheck =
                options.antiCsrfCheck() != null ? options.antiCsrfCheck() : !"GET".equalsIgnoreCase(method);
        if (transfer != TokenTransferMethod.COOKIE) {
            doAntiCsrfCheck = false;
        }
        if (doAntiCsrfCheck && config.antiCsrf() == AntiCsrfMode.VIA_CUSTOM_HEADER) {
            if (!headers.has(RID_HEADER)) {
                return new VerificationFailed(new SessionError.TryRefreshToken("anti_csrf_rid_missing"));
            }
            doAntiCsrfCheck = false;
        }

        if (token == null) {
            return options.sessionRequired()
                    ? new VerificationFailed(new SessionError.Unauthorised(false, "no_session"))
                    : NoSession.INSTANCE;
        }
        if (token instanceof LegacyAccessToken) {
            return new VerificationFailed(new SessionError.TryRefreshToken("legacy_access_token"));
        }
        AccessToken at = (AccessToken) token;
        long now = clock.millis();
        boolean viaToken = config.antiCsrf() == AntiCsrfMode.VIA_TOKEN;

        VerifyError local = verifyLocally(at, now, doAntiCsrfCheck && viaToken);
        if (local != null) {
            return new VerificationFailed(local);
        }
        if (at.signedWithDynamicKey() != config.useDynamicAccessTokenSigningKey()) {
            return new VerificationFailed(new SessionError.TryRefreshToken("wrong_signing_key_type"));
        }
        if (doAntiCsrfCheck && viaToken && (antiCsrfHeader == null || !antiCsrfHeader.equals(at.antiCsrfToken()))) {
            return new VerificationFailed(new SessionError.TryRefreshToken("anti_csrf_token_mismatch"));
        }

        VerifiedSession session;
        if (options.checkDatabase() || at.parentRefreshTokenHash1() != null) {
            VerificationResult fromCore =
                    verifyWithCore(at, antiCsrfHeader, doAntiCsrfCheck, viaToken, options, transfer, now);
            if (!(fromCore instanceof VerifiedSession)) {
                return fromCore;
            }
            session = (VerifiedSession) fromCore;
        } else {
            session = asIs(at.userId(), at.recipeUserId(), at.sessionHandle(), at.tenantId(), at, transfer);
        }
        return checkClaims(session, options.claimValidators(), now);
    }

    /** The token with these bytes: from the cache of verified tokens if it is there, else parsed. */
    private ParsedToken parse(String raw) {
        if (verified != null) {
            AccessToken hit = verified.get(raw, clock.millis());
            if (hit != null) {
                return hit;
            }
        }
        return AccessTokenParser.parse(raw);
    }

    /** RS256 against the token's key, skipped for a cached token whose key is still the one that verified it. */
    private SignatureCheck.Outcome checkSignature(AccessToken at, long now) {
        if (verified == null) {
            return signatures.verify(at, keys);
        }
        if (verified.signatureStillValid(at, keys)) {
            return SignatureCheck.Outcome.VALID;
        }
        SignatureCheck.Outcome outcome = signatures.verify(at, keys);
        if (outcome == SignatureCheck.Outcome.VALID
                && !at.isExpiredAt(now)
                && keys.lookup(at.kid()) instanceof KeyLookup.Found found) {
            verified.put(at, found.key());
        }
        return outcome;
    }

    /** Signature, algorithm, key, nbf, anti-CSRF presence and expiry. Null when all pass. */
    /** The session of {@code at} with no new token to send: its payload, token and expiry as they are. */
    private static VerifiedSession asIs(
            String userId,
            String recipeUserId,
            String sessionHandle,
            String tenantId,
            AccessToken at,
            TokenTransferMethod transfer) {
        return new VerifiedSession(
                userId,
                recipeUserId,
                sessionHandle,
                tenantId,
                at.payload(),
                at.raw(),
                at.expiryMillis(),
                transfer,
                null,
                ResponseTokens.NONE);
    }

    private VerifyError verifyLocally(AccessToken at, long now, boolean needsAntiCsrfToken) {
        if (!"RS256".equals(at.alg()) || at.hasCritHeader()) {
            return new SessionError.TryRefreshToken("algorithm_not_rs256");
        }
        if (at.kid() == null) {
            return new SessionError.TryRefreshToken("kid_not_a_string");
        }
        switch (checkSignature(at, now)) {
            case VALID:
                break;
            case UNKNOWN_KID:
                return new SessionError.TryRefreshToken("unknown_kid");
            case KEYS_UNAVAILABLE:
                return new SessionError.CoreUnavailable("jwks_unavailable");
            default:
                return new SessionError.TryRefreshToken("bad_signature");
        }
        var nbf = at.payload().get("nbf");
        if (nbf != null && (!nbf.isNumber() || nbf.doubleValue() > Math.floorDiv(now, 1000))) {
            return new SessionError.TryRefreshToken("not_yet_valid");
        }
        if (needsAntiCsrfToken && at.antiCsrfToken() == null) {
            return new SessionError.TryRefreshToken("anti_csrf_token_absent_from_token");
        }
        if (at.isExpiredAt(now)) {
            return new SessionError.TryRefreshToken("expired");
        }
        return null;
    }

    private VerificationResult verifyWithCore(
            AccessToken at,
            String antiCsrfHeader,
            boolean doAntiCsrfCheck,
            boolean viaToken,
            VerifyOptions options,
            TokenTransferMethod transfer,
            long now) {
        CoreResults.VerifySession answer;
        try {
            answer = core.verifySession(at.raw(), antiCsrfHeader, doAntiCsrfCheck, viaToken, options.checkDatabase());
        } catch (CoreException e) {
            return new VerificationFailed(new SessionError.CoreUnavailable("core_verify_failed"));
        }
        if (answer instanceof CoreResults.VerifyUnauthorised) {
            return new VerificationFailed(new SessionError.Unauthorised(true, "core_unauthorised"));
        }
        if (answer instanceof CoreResults.VerifyTryRefresh) {
            return new VerificationFailed(new SessionError.TryRefreshToken("core_try_refresh"));
        }
        CoreResults.VerifyOk ok = (CoreResults.VerifyOk) answer;
        SessionInfo info = ok.session();
        TokenInfo replacement = ok.accessToken();
        if (replacement == null) {
            return asIs(info.userId(), info.recipeUserId(), info.handle(), info.tenantId(), at, transfer);
        }
        ObjectNode payload;
        try {
            payload = AccessTokenParser.payloadOf(replacement.token());
        } catch (IllegalArgumentException e) {
            return new VerificationFailed(new SessionError.CoreUnavailable("core_returned_malformed_token"));
        }
        ResponseTokens tokens = writer.sessionTokens(transfer, info.userId(), replacement, null, antiCsrfHeader, now);
        return new VerifiedSession(
                info.userId(),
                info.recipeUserId(),
                info.handle(),
                info.tenantId(),
                payload,
                replacement.token(),
                replacement.expiry(),
                transfer,
                replacement,
                tokens);
    }

    private static VerificationResult checkClaims(VerifiedSession session, List<ClaimValidator> validators, long now) {
        if (validators.isEmpty()) {
            return session;
        }
        List<ClaimValidationError> errors = null;
        for (ClaimValidator validator : validators) {
            Optional<ObjectNode> reason = validator.validate(session.accessTokenPayload(), now);
            if (reason.isPresent()) {
                if (errors == null) {
                    errors = new ArrayList<>(2);
                }
                errors.add(new ClaimValidationError(validator.id(), reason.get()));
            }
        }
        return errors == null ? session : new VerificationFailed(new SessionError.InvalidClaims(errors));
    }
}
