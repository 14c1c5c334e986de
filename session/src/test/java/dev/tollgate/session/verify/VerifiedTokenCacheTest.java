package dev.tollgate.session.verify;

import static dev.tollgate.session.verify.VerifierFixture.KID;
import static dev.tollgate.session.verify.VerifierFixture.NOW_S;
import static dev.tollgate.session.verify.VerifierFixture.STATIC_KID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.http.Headers;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.SigningKey;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache of verified tokens skips only the parse and the RSA check of a token it has seen: every
 * token that is not byte-for-byte the cached one, every expiry, every per-request check and every
 * change of keys still decides as without a cache.
 */
class VerifiedTokenCacheTest {

    VerifierFixture f;
    VerifiedTokenCache cache;
    SessionVerifier verifier;

    @BeforeEach
    void start() throws Exception {
        f = new VerifierFixture(b -> b.antiCsrf(AntiCsrfMode.VIA_CUSTOM_HEADER));
        cache = new VerifiedTokenCache(4);
        verifier = new SessionVerifier(f.config, f.jwks, new CoreClient(f.config), f.clock, cache);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private VerificationResult post(String token, VerifyOptions options) {
        return verifier.verify(
                "POST",
                Headers.builder()
                        .add("Cookie", "sAccessToken=" + token)
                        .add("rid", "anti-csrf")
                        .build(),
                options);
    }

    private VerificationResult post(String token) {
        return post(token, VerifyOptions.optional());
    }

    @Test
    void aVerifiedTokenIsCachedAndAnsweredTheSameOnTheNextCall() {
        String token = AccessTokens.v5(KID, NOW_S - 10);
        assertThat(post(token)).isInstanceOf(VerifiedSession.class);
        assertThat(cache.size()).isEqualTo(1);
        assertThat(post(token))
                .isInstanceOfSatisfying(
                        VerifiedSession.class, s -> assertThat(s.userId()).isEqualTo(AccessTokens.USER));
    }

    @Test
    void aTamperedTokenSharingTheCachedTokensPrefixNeverHits() {
        String token = AccessTokens.v5(KID, NOW_S - 10);
        assertThat(post(token)).isInstanceOf(VerifiedSession.class);
        int at = token.length() - 10;
        String flipped = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        // Same header and payload, another signature: verified again, and it does not verify.
        assertThat(post(flipped)).isEqualTo(new VerificationFailed(new SessionError.TryRefreshToken("bad_signature")));
        // The cached token with bytes appended is not the cached token either.
        assertThat(post(token + "A")).isNotInstanceOf(VerifiedSession.class);
        // A payload swapped under the cached token's header and signature.
        String[] parts = token.split("\\.");
        ObjectNode other = AccessTokens.payload(5, NOW_S - 10);
        other.put("sub", "someone-else");
        String swapped = parts[0] + "." + AccessTokens.encode(other) + "." + parts[2];
        assertThat(post(swapped)).isEqualTo(new VerificationFailed(new SessionError.TryRefreshToken("bad_signature")));
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aCachedTokenPastItsExpiryGetsTryRefreshAndIsDropped() {
        String token = AccessTokens.v5(KID, NOW_S - 10); // exp = iat + 3600
        assertThat(post(token)).isInstanceOf(VerifiedSession.class);
        f.clock.advance(Duration.ofMillis((NOW_S - 10 + 3600) * 1000 - f.clock.millis()));
        assertThat(post(token)).isEqualTo(new VerificationFailed(new SessionError.TryRefreshToken("expired")));
        assertThat(cache.size()).isZero();
    }

    @Test
    void perRequestChecksStillRunOnAHit() {
        String token = AccessTokens.v5(KID, NOW_S - 10);
        assertThat(post(token)).isInstanceOf(VerifiedSession.class);
        VerificationResult noRid = verifier.verify(
                "POST", Headers.builder().add("Cookie", "sAccessToken=" + token).build(), VerifyOptions.optional());
        assertThat(noRid).isEqualTo(new VerificationFailed(new SessionError.TryRefreshToken("anti_csrf_rid_missing")));
    }

    @Test
    void claimsAreCheckedPerCallSoATokenVerifiedForOneRouteIsStillCheckedForAnother() {
        String unverifiedEmail = AccessTokens.v5(KID, NOW_S - 10);
        assertThat(post(unverifiedEmail)).isInstanceOf(VerifiedSession.class);
        assertThat(post(unverifiedEmail, VerifyOptions.optional().withClaimValidators(List.of(Claims.emailVerified()))))
                .isInstanceOfSatisfying(
                        VerificationFailed.class,
                        failed -> assertThat(failed.error()).isInstanceOf(SessionError.InvalidClaims.class));
    }

    @Test
    void aKeyIdGoneFromARefreshedJwksDropsTheEntry() {
        String token = AccessTokens.v5(KID, NOW_S - 10);
        assertThat(post(token)).isInstanceOf(VerifiedSession.class);
        // The core rotated KID out; once the cached JWKS is older than its max age it is fetched again.
        f.core.on("GET", "/.well-known/jwks.json", 200, SigningKey.jwks(STATIC_KID));
        f.clock.advance(f.config.jwksMaxAge().plusSeconds(1));
        assertThat(post(token)).isEqualTo(new VerificationFailed(new SessionError.TryRefreshToken("unknown_kid")));
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheIsBoundedInEntriesAndTokenLength() {
        for (int i = 0; i < 10; i++) {
            assertThat(post(AccessTokens.v5(KID, NOW_S - 10 - i))).isInstanceOf(VerifiedSession.class);
        }
        assertThat(cache.size()).isEqualTo(4);

        ObjectNode big = AccessTokens.payload(5, NOW_S - 10);
        big.put("padding", "x".repeat(VerifiedTokenCache.MAX_TOKEN_CHARS));
        VerifiedTokenCache fresh = new VerifiedTokenCache(4);
        SessionVerifier v = new SessionVerifier(f.config, f.jwks, new CoreClient(f.config), f.clock, fresh);
        VerificationResult r = v.verify(
                "GET",
                Headers.builder()
                        .add("Cookie", "sAccessToken=" + AccessTokens.sign(AccessTokens.header(KID, 5), big, KID))
                        .build(),
                VerifyOptions.optional());
        assertThat(r).isInstanceOf(VerifiedSession.class);
        assertThat(fresh.size()).isZero();
        assertThatThrownBy(() -> new VerifiedTokenCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
