package dev.tollgate.session.verify;

import static dev.tollgate.session.verify.VerifierFixture.KID;
import static dev.tollgate.session.verify.VerifierFixture.NOW_S;
import static dev.tollgate.session.verify.VerifierFixture.STATIC_KID;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.error.ErrorResponse;
import dev.tollgate.session.error.ErrorResponses;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.token.AccessTokenParser;
import dev.tollgate.session.transfer.TokenTransferMethod;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.GoldenCaptures;
import dev.tollgate.testkit.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** getSession's rules (docs/supertokens.md#verification) and a list of attacks on it (forged, swapped and smuggled tokens), each with its precise outcome. */
class SessionVerifierTest {
    static final VerificationResult TRY_EXPIRED = new VerificationFailed(new SessionError.TryRefreshToken("expired"));

    VerifierFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new VerifierFixture();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    static String valid() {
        return AccessTokens.v5(KID, NOW_S - 10);
    }

    static String mint(ObjectNode header, ObjectNode payload) {
        return AccessTokens.sign(header, payload, KID);
    }

    static ObjectNode payload() {
        return AccessTokens.payload(5, NOW_S - 10);
    }

    static VerificationResult tryRefresh(String reason) {
        return new VerificationFailed(new SessionError.TryRefreshToken(reason));
    }

    @Nested
    class Extraction {
        @Test
        void cookieTokenGivesTheSession() {
            VerificationResult r = f.get("Cookie", "sAccessToken=" + valid());
            assertThat(r).isInstanceOfSatisfying(VerifiedSession.class, s -> {
                assertThat(s.userId()).isEqualTo(AccessTokens.USER);
                assertThat(s.recipeUserId()).isEqualTo(AccessTokens.USER);
                assertThat(s.sessionHandle()).isEqualTo(AccessTokens.HANDLE);
                assertThat(s.tenantId()).isEqualTo("public");
                assertThat(s.transferMethod()).isEqualTo(TokenTransferMethod.COOKIE);
                assertThat(s.accessTokenUpdated()).isFalse();
                assertThat(s.responseTokens().isEmpty()).isTrue();
                assertThat(s.accessTokenExpiryMillis()).isEqualTo((NOW_S - 10 + 3600) * 1000);
                assertThat(s.accessTokenPayload().get("iss").asText()).isEqualTo("http://localhost:4566/dev/auth");
            });
        }

        @Test
        void bearerTokenGivesTheSessionInHeaderMode() {
            assertThat(f.get("Authorization", "Bearer " + valid() + "  "))
                    .isInstanceOfSatisfying(
                            VerifiedSession.class,
                            s -> assertThat(s.transferMethod()).isEqualTo(TokenTransferMethod.HEADER));
        }

        @Test
        void aValidHeaderTokenWinsOverTheCookie() {
            ObjectNode other = payload().put("sub", "someone-else").put("rsub", "someone-else");
            VerificationResult r = f.get(
                    "authorization",
                    "Bearer " + valid(),
                    "cookie",
                    "sAccessToken=" + mint(AccessTokens.header(KID, 5), other));
            assertThat(r).isInstanceOfSatisfying(VerifiedSession.class, s -> {
                assertThat(s.userId()).isEqualTo(AccessTokens.USER);
                assertThat(s.transferMethod()).isEqualTo(TokenTransferMethod.HEADER);
            });
        }

        @Test
        void anUnparseableHeaderTokenIsIgnoredAndTheCookieUsed() {
            VerificationResult r = f.get("authorization", "Bearer not-a-jwt", "cookie", "sAccessToken=" + valid());
            assertThat(r)
                    .isInstanceOfSatisfying(
                            VerifiedSession.class,
                            s -> assertThat(s.transferMethod()).isEqualTo(TokenTransferMethod.COOKIE));
        }

        @Test
        void anExpiredButParseableHeaderTokenWinsAndAsksForRefresh() {
            String expired = AccessTokens.v5(KID, NOW_S - 4000);
            assertThat(f.get("authorization", "Bearer " + expired, "cookie", "sAccessToken=" + valid()))
                    .isEqualTo(TRY_EXPIRED);
        }

        @Test
        void onlyTheExactBearerPrefixCounts() {
            assertThat(f.get("authorization", "bearer " + valid())).isEqualTo(NoSession.INSTANCE);
            assertThat(f.get("authorization", "Basic " + valid())).isEqualTo(NoSession.INSTANCE);
        }

        @Test
        void aForeignOrGarbageTokenCountsAsAbsent() {
            assertThat(f.get("cookie", "sAccessToken=garbage")).isEqualTo(NoSession.INSTANCE);
            assertThat(f.verify("GET", VerifyOptions.required(), "cookie", "sAccessToken=a.b.c"))
                    .isEqualTo(new VerificationFailed(new SessionError.Unauthorised(false, "no_session")));
            assertThat(ErrorResponses.of(new SessionError.Unauthorised(false, "no_session")))
                    .isEqualTo(new ErrorResponse(401, "{\"message\":\"unauthorised\"}", false));
        }

        @Test
        void duplicateAccessTokenCookiesMeanTryRefresh() {
            assertThat(f.get("cookie", "sAccessToken=" + valid() + "; sAccessToken=" + valid()))
                    .isEqualTo(tryRefresh("duplicate_access_token_cookie"));
            assertThat(f.get("cookie", "sAccessToken=" + valid(), "cookie", "a=b; sAccessToken=x"))
                    .isEqualTo(tryRefresh("duplicate_access_token_cookie"));
        }

        @Test
        void duplicateCookiesDoNotMatterWhenTheHeaderTokenIsUsed() {
            assertThat(f.get(
                            "authorization",
                            "Bearer " + valid(),
                            "cookie",
                            "sAccessToken=" + valid() + "; sAccessToken=x"))
                    .isInstanceOf(VerifiedSession.class);
        }

        @Test
        void cookiesSplitOverSeveralLinesAreAllRead() {
            assertThat(f.get("Cookie", "theme=dark", "COOKIE", "other=1; sAccessToken=\"" + valid() + "\""))
                    .isInstanceOf(VerifiedSession.class);
        }

        @Test
        void theLegacyIdRefreshCookieForcesTryRefreshEvenForOptionalSessions() {
            assertThat(f.get("cookie", "sIdRefreshToken=x")).isEqualTo(tryRefresh("legacy_id_refresh_token_cookie"));
            assertThat(f.get("cookie", "sIdRefreshToken=x; sAccessToken=" + valid()))
                    .isEqualTo(tryRefresh("legacy_id_refresh_token_cookie"));
        }

        @Test
        void legacyV2TokensAreTryRefresh() {
            String header = Base64.getEncoder()
                    .encodeToString(
                            "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"version\":\"2\"}".getBytes(StandardCharsets.UTF_8));
            ObjectNode p = AccessTokens.MAPPER
                    .createObjectNode()
                    .put("sessionHandle", "h")
                    .put("userId", "u")
                    .put("refreshTokenHash1", "r")
                    .put("expiryTime", (NOW_S + 100) * 1000)
                    .put("timeCreated", 1L);
            p.putObject("userData");
            String payload = Base64.getEncoder().encodeToString(p.toString().getBytes(StandardCharsets.UTF_8));
            assertThat(f.get("cookie", "sAccessToken=" + header + "." + payload + ".c2ln"))
                    .isEqualTo(tryRefresh("legacy_access_token"));
        }

        @Test
        void v3AndV4TokensVerify() {
            String v3 = mint(AccessTokens.header(KID, 3), AccessTokens.payload(3, NOW_S - 10));
            String v4 = mint(
                    AccessTokens.header(KID, 4),
                    AccessTokens.payload(4, NOW_S - 10).put("tId", "t1"));
            assertThat(f.get("cookie", "sAccessToken=" + v3))
                    .isInstanceOfSatisfying(
                            VerifiedSession.class, s -> assertThat(s.tenantId()).isEqualTo("public"));
            assertThat(f.get("cookie", "sAccessToken=" + v4))
                    .isInstanceOfSatisfying(
                            VerifiedSession.class, s -> assertThat(s.tenantId()).isEqualTo("t1"));
        }
    }

    @Nested
    class Attacks {
        @Test
        void algNoneIsRejectedWithoutFetchingKeys() {
            ObjectNode h = AccessTokens.header(KID, 5).put("alg", "none");
            String token = AccessTokens.encode(h) + "." + AccessTokens.encode(payload()) + ".";
            assertThat(f.get("cookie", "sAccessToken=" + token)).isEqualTo(tryRefresh("algorithm_not_rs256"));
            assertThat(f.coreCalls("/")).isZero();
        }

        @Test
        void hs256KeyedWithThePublicKeyIsRejected() throws Exception {
            ObjectNode h = AccessTokens.header(KID, 5).put("alg", "HS256");
            String input = AccessTokens.encode(h) + "." + AccessTokens.encode(payload());
            for (byte[] secret : new byte[][] {
                SigningKey.of(KID).pair().getPublic().getEncoded(),
                SigningKey.of(KID).jwkJson().getBytes(StandardCharsets.UTF_8)
            }) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                String token = input + "." + AccessTokens.b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
                assertThat(f.get("cookie", "sAccessToken=" + token)).isEqualTo(tryRefresh("algorithm_not_rs256"));
            }
        }

        @Test
        void otherAlgorithmsAndCriticalHeadersAreRejected() {
            ObjectNode rs512 = AccessTokens.header(KID, 5).put("alg", "RS512");
            ObjectNode noAlg = AccessTokens.header(KID, 5);
            noAlg.remove("alg");
            ObjectNode crit = AccessTokens.header(KID, 5);
            crit.putArray("crit").add("exp");
            for (ObjectNode h : List.of(rs512, noAlg, crit)) {
                assertThat(f.get("cookie", "sAccessToken=" + mint(h, payload())))
                        .as(h.toString())
                        .isEqualTo(tryRefresh("algorithm_not_rs256"));
            }
        }

        @Test
        void unknownKidIsTryRefreshAfterOneRefetch() {
            String token = AccessTokens.sign(AccessTokens.header("d-999", 5), payload(), "d-999");
            assertThat(f.get("cookie", "sAccessToken=" + token)).isEqualTo(tryRefresh("unknown_kid"));
            assertThat(f.coreCalls("/.well-known/jwks.json")).isEqualTo(1);
        }

        @Test
        void kidsWithPathCharactersAreJustUnknownKids() {
            for (String kid : new String[] {"../../../etc/passwd", "d-1/../../recipe/session?x=1#y", "d-%2e%2e"}) {
                String token = AccessTokens.sign(AccessTokens.header(kid, 5), payload(), KID);
                assertThat(f.get("cookie", "sAccessToken=" + token)).isEqualTo(tryRefresh("unknown_kid"));
            }
            assertThat(f.core.received())
                    .allSatisfy(r -> assertThat(r.pathAndQuery()).isEqualTo("/.well-known/jwks.json"));
        }

        @Test
        void aNonStringKidIsTryRefresh() {
            ObjectNode h = AccessTokens.header(KID, 5);
            h.put("kid", 17);
            assertThat(f.get("cookie", "sAccessToken=" + mint(h, payload()))).isEqualTo(tryRefresh("kid_not_a_string"));
        }

        @Test
        void expiryHasNoClockTolerance() {
            // now = NOW_S + 0.5 s
            ObjectNode atNow = payload().put("exp", NOW_S);
            ObjectNode oneSecondAgo = payload().put("exp", NOW_S - 1);
            ObjectNode inOneSecond = payload().put("exp", NOW_S + 1);
            assertThat(f.get("cookie", "sAccessToken=" + mint(AccessTokens.header(KID, 5), atNow)))
                    .isEqualTo(TRY_EXPIRED);
            assertThat(f.get("cookie", "sAccessToken=" + mint(AccessTokens.header(KID, 5), oneSecondAgo)))
                    .isEqualTo(TRY_EXPIRED);
            assertThat(f.get("cookie", "sAccessToken=" + mint(AccessTokens.header(KID, 5), inOneSecond)))
                    .isInstanceOf(VerifiedSession.class);
        }

        @Test
        void notBeforeInTheFutureIsTryRefresh() {
            ObjectNode p = payload().put("nbf", NOW_S + 60);
            assertThat(f.get("cookie", "sAccessToken=" + mint(AccessTokens.header(KID, 5), p)))
                    .isEqualTo(tryRefresh("not_yet_valid"));
        }

        @Test
        void aTamperedPayloadFailsTheSignature() {
            String[] parts = valid().split("\\.");
            ObjectNode evil = payload().put("sub", "admin").put("rsub", "admin");
            String forged = parts[0] + "." + AccessTokens.encode(evil) + "." + parts[2];
            assertThat(f.get("cookie", "sAccessToken=" + forged)).isEqualTo(tryRefresh("bad_signature"));
        }

        @Test
        void aTamperedSignatureFails() {
            String token = valid();
            char last = token.charAt(token.length() - 5);
            String forged = token.substring(0, token.length() - 5)
                    + (last == 'A' ? 'B' : 'A')
                    + token.substring(token.length() - 4);
            assertThat(f.get("cookie", "sAccessToken=" + forged)).isEqualTo(tryRefresh("bad_signature"));
            assertThat(f.get("cookie", "sAccessToken=" + token.substring(0, token.length() - 10)))
                    .isEqualTo(tryRefresh("bad_signature"));
        }

        @Test
        void nonCanonicalBase64ParsesLikeNodeButFailsTheStrictSignatureCheck() {
            String[] parts = valid().split("\\.");
            // Buffer.from(.., "base64") skips the space and stops at '='; jose's strict base64url does not.
            String spaced = parts[0].substring(0, 4) + " " + parts[0].substring(4) + "." + parts[1] + "." + parts[2];
            String padded = parts[0] + "." + parts[1] + "." + parts[2] + "=";
            for (String t : new String[] {spaced, padded}) {
                assertThat(AccessTokenParser.parse(t)).isNotNull();
                assertThat(f.get("authorization", "Bearer " + t)).isEqualTo(tryRefresh("bad_signature"));
            }
        }

        @Test
        void aSignatureFromAnotherKeyUnderARealKidFails() {
            String token = AccessTokens.sign(AccessTokens.header(KID, 5), payload(), "d-attacker");
            assertThat(f.get("cookie", "sAccessToken=" + token)).isEqualTo(tryRefresh("bad_signature"));
        }

        @Test
        void missingClaimsWrongTypesMalformedAndHugeTokensCountAsAbsent() {
            ObjectNode noSub = payload();
            noSub.remove("sub");
            String[] tokens = {
                mint(AccessTokens.header(KID, 5), noSub),
                mint(AccessTokens.header(KID, 5), payload().put("exp", "tomorrow")),
                "eyJhbGciOiJSUzI1NiJ9.@@@.sig",
                AccessTokens.b64("{not json".getBytes(StandardCharsets.UTF_8)) + "." + AccessTokens.encode(payload())
                        + ".c2ln",
                mint(AccessTokens.header(KID, 5), payload().put("pad", "x".repeat(64 * 1024))),
            };
            for (String t : tokens) {
                assertThat(f.get("cookie", "sAccessToken=" + t)).isEqualTo(NoSession.INSTANCE);
                assertThat(f.verify("POST", VerifyOptions.required(), "authorization", "Bearer " + t))
                        .isEqualTo(new VerificationFailed(new SessionError.Unauthorised(false, "no_session")));
            }
        }

        @Test
        void staticKeyTokensNeedRefreshUnderTheDynamicDefault() throws Exception {
            String staticToken = AccessTokens.sign(AccessTokens.header(STATIC_KID, 5), payload(), STATIC_KID);
            assertThat(f.get("cookie", "sAccessToken=" + staticToken)).isEqualTo(tryRefresh("wrong_signing_key_type"));
            try (VerifierFixture staticOnly = new VerifierFixture(b -> b.useDynamicAccessTokenSigningKey(false))) {
                assertThat(staticOnly.get("cookie", "sAccessToken=" + staticToken))
                        .isInstanceOf(VerifiedSession.class);
                assertThat(staticOnly.get("cookie", "sAccessToken=" + valid()))
                        .isEqualTo(tryRefresh("wrong_signing_key_type"));
            }
        }
    }

    @Nested
    class AntiCsrfViaCustomHeader {
        VerifierFixture g;

        @BeforeEach
        void start() throws Exception {
            g = new VerifierFixture(b -> b.antiCsrf(AntiCsrfMode.VIA_CUSTOM_HEADER));
        }

        @AfterEach
        void stop() {
            g.close();
        }

        @Test
        void nonGetCookieRequestsNeedARidHeader() {
            for (String method : new String[] {"POST", "put", "DELETE", "PATCH", "HEAD", "OPTIONS"}) {
                assertThat(g.verify(method, VerifyOptions.optional(), "cookie", "sAccessToken=" + valid()))
                        .as(method)
                        .isEqualTo(tryRefresh("anti_csrf_rid_missing"));
                assertThat(g.verify(
                                method,
                                VerifyOptions.optional(),
                                "cookie",
                                "sAccessToken=" + valid(),
                                "rid",
                                "anti-csrf"))
                        .as(method)
                        .isInstanceOf(VerifiedSession.class);
            }
        }

        @Test
        void getHeaderModeAndAbsentTokensNeedNoRid() {
            assertThat(g.verify("GET", VerifyOptions.optional(), "cookie", "sAccessToken=" + valid()))
                    .isInstanceOf(VerifiedSession.class);
            assertThat(g.verify("POST", VerifyOptions.optional(), "authorization", "Bearer " + valid()))
                    .isInstanceOf(VerifiedSession.class);
            assertThat(g.verify("POST", VerifyOptions.optional())).isEqualTo(NoSession.INSTANCE);
            assertThat(g.verify(
                            "POST",
                            VerifyOptions.optional().withAntiCsrfCheck(false),
                            "cookie",
                            "sAccessToken=" + valid()))
                    .isInstanceOf(VerifiedSession.class);
        }
    }

    @Nested
    class AntiCsrfViaToken {
        VerifierFixture g;
        String withCsrf = mint(AccessTokens.header(KID, 5), payload().put("antiCsrfToken", "csrf-1"));

        @BeforeEach
        void start() throws Exception {
            g = new VerifierFixture(b -> b.antiCsrf(AntiCsrfMode.VIA_TOKEN));
        }

        @AfterEach
        void stop() {
            g.close();
        }

        private VerificationResult withAntiCsrfHeader(String header) {
            return g.verify(
                    "POST", VerifyOptions.optional(), "cookie", "sAccessToken=" + withCsrf, "anti-csrf", header);
        }

        @Test
        void theHeaderMustEqualTheTokensAntiCsrfToken() {
            assertThat(withAntiCsrfHeader("csrf-1")).isInstanceOf(VerifiedSession.class);
            assertThat(g.verify("POST", VerifyOptions.optional(), "cookie", "sAccessToken=" + withCsrf))
                    .isEqualTo(tryRefresh("anti_csrf_token_mismatch"));
            assertThat(withAntiCsrfHeader("csrf-2")).isEqualTo(tryRefresh("anti_csrf_token_mismatch"));
        }

        @Test
        void aTokenWithoutAntiCsrfTokenFailsOnNonGet() {
            assertThat(g.verify(
                            "POST", VerifyOptions.optional(), "cookie", "sAccessToken=" + valid(), "anti-csrf", "x"))
                    .isEqualTo(tryRefresh("anti_csrf_token_absent_from_token"));
        }

        @Test
        void getAndHeaderModeSkipTheCheck() {
            assertThat(g.verify("GET", VerifyOptions.optional(), "cookie", "sAccessToken=" + withCsrf))
                    .isInstanceOf(VerifiedSession.class);
            assertThat(g.verify("POST", VerifyOptions.optional(), "authorization", "Bearer " + withCsrf))
                    .isInstanceOf(VerifiedSession.class);
        }
    }

    @Nested
    class NoAntiCsrf {
        @Test
        void postWithoutRidIsFineInModeNone() {
            assertThat(f.verify("POST", VerifyOptions.optional(), "cookie", "sAccessToken=" + valid()))
                    .isInstanceOf(VerifiedSession.class);
        }
    }

    @Nested
    class CoreVerify {
        String afterRefresh = mint(AccessTokens.header(KID, 5), payload().put("parentRefreshTokenHash1", "abc"));

        @Test
        void theFastPathNeverCallsTheCore() {
            for (int i = 0; i < 20; i++) {
                assertThat(f.get("cookie", "sAccessToken=" + valid())).isInstanceOf(VerifiedSession.class);
            }
            assertThat(f.coreCalls("/recipe")).isZero();
            assertThat(f.coreCalls("/.well-known/jwks.json")).isEqualTo(1);
        }

        @Test
        void warmUpRunsTheWholePathWithoutAnyIo() {
            f.verifier.warmUp(50);
            assertThat(f.core.received()).isEmpty();
            assertThat(f.jwks.cachedKeyIds()).isEmpty();
        }

        @Test
        void aTokenWithAParentHashGoesToTheCoreAndItsReplacementBecomesACookieAndFrontToken() throws Exception {
            GoldenCaptures.Capture golden = GoldenCaptures.find("POST", "/recipe/session/verify", 1);
            f.core.on("POST", "/recipe/session/verify", golden.status(), golden.responseBody());
            VerificationResult r = f.verify("GET", VerifyOptions.optional(), "cookie", "sAccessToken=" + afterRefresh);

            JsonNode sent = AccessTokens.MAPPER.readTree(f.core.last().body());
            assertThat(sent.get("accessToken").asText()).isEqualTo(afterRefresh);
            assertThat(sent.has("antiCsrfToken")).isFalse();
            assertThat(sent.get("doAntiCsrfCheck").asBoolean()).isFalse();
            assertThat(sent.get("enableAntiCsrf").asBoolean()).isFalse();
            assertThat(sent.get("checkDatabase").asBoolean()).isFalse();

            String replacement =
                    golden.responseJson().get("accessToken").get("token").asText();
            assertThat(r).isInstanceOfSatisfying(VerifiedSession.class, s -> {
                assertThat(s.accessTokenUpdated()).isTrue();
                assertThat(s.accessToken()).isEqualTo(replacement);
                assertThat(s.accessTokenExpiryMillis()).isEqualTo(1795714294000L);
                assertThat(s.accessTokenPayload().get("parentRefreshTokenHash1").isNull())
                        .isTrue();
                // node golden: Set-Cookie at 1795710684 expires "Fri, 26 Nov 2027 16:31:24 GMT"; we are 16.5 s later
                assertThat(s.responseTokens().setCookies())
                        .containsExactly("sAccessToken=" + replacement
                                + "; Path=/; Expires=Fri, 26 Nov 2027 16:31:40 GMT; HttpOnly; SameSite=Lax");
                String front = s.responseTokens().headers().get("front-token");
                JsonNode decoded = readJson(Base64.getDecoder().decode(front));
                assertThat(decoded.get("uid").asText()).isEqualTo("58c69f6b-a5b6-4ae0-9261-5d51dc446be1");
                assertThat(decoded.get("ate").asLong()).isEqualTo(1795714294000L);
                assertThat(decoded.get("up").get("iat").asLong()).isEqualTo(1795710694L);
                assertThat(s.responseTokens().headers().get("Access-Control-Expose-Headers"))
                        .isEqualTo("front-token");
            });
        }

        @Test
        void inHeaderModeTheReplacementIsAnStAccessTokenHeader() {
            GoldenCaptures.Capture golden = GoldenCaptures.find("POST", "/recipe/session/verify", 1);
            f.core.on("POST", "/recipe/session/verify", golden.status(), golden.responseBody());
            VerificationResult r = f.verify("GET", VerifyOptions.optional(), "authorization", "Bearer " + afterRefresh);
            assertThat(r).isInstanceOfSatisfying(VerifiedSession.class, s -> {
                assertThat(s.responseTokens().setCookies()).isEmpty();
                assertThat(s.responseTokens().headers()).containsKeys("front-token", "st-access-token");
                assertThat(s.responseTokens().headers().get("Access-Control-Expose-Headers"))
                        .isEqualTo("front-token, st-access-token");
            });
        }

        @Test
        void checkDatabaseAsksTheCoreEvenWithoutAParentHash() throws Exception {
            GoldenCaptures.Capture golden = GoldenCaptures.find("POST", "/recipe/session/verify", 0);
            f.core.on("POST", "/recipe/session/verify", golden.status(), golden.responseBody());
            VerificationResult r = f.verify(
                    "GET", VerifyOptions.optional().withCheckDatabase(true), "cookie", "sAccessToken=" + valid());
            assertThat(AccessTokens.MAPPER
                            .readTree(f.core.last().body())
                            .get("checkDatabase")
                            .asBoolean())
                    .isTrue();
            assertThat(r).isInstanceOfSatisfying(VerifiedSession.class, s -> {
                assertThat(s.accessTokenUpdated()).isFalse();
                assertThat(s.sessionHandle()).isEqualTo("2381cf94-9603-46b0-bebc-70d8fcdc0bb9");
            });
        }

        @Test
        void coreOutcomesMapToSessionErrors() {
            f.core.on(
                    "POST",
                    "/recipe/session/verify",
                    GoldenCaptures.find("POST", "/recipe/session/verify", 3).status(),
                    GoldenCaptures.find("POST", "/recipe/session/verify", 3).responseBody());
            SessionError unauthorised = ((VerificationFailed) f.get("cookie", "sAccessToken=" + afterRefresh)).error();
            assertThat(unauthorised).isEqualTo(new SessionError.Unauthorised(true, "core_unauthorised"));
            assertThat(ErrorResponses.of(unauthorised).clearTokens()).isTrue();

            f.core.on("POST", "/recipe/session/verify", 200, "{\"status\":\"TRY_REFRESH_TOKEN\",\"message\":\"x\"}");
            assertThat(f.get("cookie", "sAccessToken=" + afterRefresh)).isEqualTo(tryRefresh("core_try_refresh"));

            f.core.on("POST", "/recipe/session/verify", 500, "boom");
            SessionError down = ((VerificationFailed) f.get("cookie", "sAccessToken=" + afterRefresh)).error();
            assertThat(down).isEqualTo(new SessionError.CoreUnavailable("core_verify_failed"));
            assertThat(ErrorResponses.of(down).status()).isEqualTo(503);
        }
    }

    @Nested
    class Concurrency {
        @Test
        void parallelVerificationsNeverMixUpTokens() throws Exception {
            int threads = 8;
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                // Different lengths too, so a shared buffer would show.
                tokens.add(mint(
                        AccessTokens.header(KID, 5),
                        payload()
                                .put("sub", "user-" + i)
                                .put("rsub", "user-" + i)
                                .put("pad", "x".repeat(i * 97))));
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int me = t;
                    done.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < 200; i++) {
                            int which = (me + i) % threads;
                            VerificationResult r = f.get("cookie", "sAccessToken=" + tokens.get(which));
                            if (r instanceof VerifiedSession s && s.userId().equals("user-" + which)) {
                                ok++;
                            }
                        }
                        return ok;
                    }));
                }
                for (Future<Integer> d : done) {
                    assertThat(d.get(60, TimeUnit.SECONDS)).isEqualTo(200);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(f.coreCalls("/.well-known/jwks.json")).isEqualTo(1);
        }
    }

    @Nested
    class JwksOutage {
        @Test
        void withoutCachedKeysItIsAServerSideFailureNotA401() {
            f.core.on("GET", "/.well-known/jwks.json", 503, "down");
            VerificationResult r = f.get("cookie", "sAccessToken=" + valid());
            assertThat(r).isEqualTo(new VerificationFailed(new SessionError.CoreUnavailable("jwks_unavailable")));
            assertThat(ErrorResponses.of(((VerificationFailed) r).error()))
                    .isEqualTo(new ErrorResponse(503, "{\"message\":\"session service unavailable\"}", false));
            // Requests without a token are not affected by the outage.
            assertThat(f.get()).isEqualTo(NoSession.INSTANCE);
        }

        @Test
        void withCachedKeysSessionsKeepVerifying() throws Exception {
            assertThat(f.jwks.preload()).isEqualTo(2);
            f.core.on("GET", "/.well-known/jwks.json", 503, "down");
            f.clock.advance(Duration.ofMillis(f.config.jwksMaxAge().toMillis() + 1));
            String fresh = AccessTokens.v5(KID, f.clock.millis() / 1000 - 5);
            assertThat(f.get("cookie", "sAccessToken=" + fresh)).isInstanceOf(VerifiedSession.class);
            String unknown = AccessTokens.sign(
                    AccessTokens.header("d-new", 5), AccessTokens.payload(5, f.clock.millis() / 1000 - 5), "d-new");
            assertThat(f.get("cookie", "sAccessToken=" + unknown))
                    .isEqualTo(new VerificationFailed(new SessionError.CoreUnavailable("jwks_unavailable")));
        }

        @Test
        void rotationIsPickedUpAndTheOldKeyStaysValidWhilePublished() throws Exception {
            f.jwks.preload();
            f.core.on("GET", "/.well-known/jwks.json", 200, SigningKey.jwks(KID, "d-next"));
            f.clock.advance(Duration.ofMillis(60_000));
            long iat = f.clock.millis() / 1000 - 5;
            String next = AccessTokens.sign(AccessTokens.header("d-next", 5), AccessTokens.payload(5, iat), "d-next");
            assertThat(f.get("cookie", "sAccessToken=" + next)).isInstanceOf(VerifiedSession.class);
            assertThat(f.get("cookie", "sAccessToken=" + AccessTokens.v5(KID, iat)))
                    .isInstanceOf(VerifiedSession.class);
            assertThat(f.coreCalls("/.well-known/jwks.json")).isEqualTo(2);
        }
    }

    @Nested
    class ClaimValidation {
        @Test
        void failingValidatorsGive403WithTheSpecsBody() {
            ObjectNode p = payload();
            p.putObject("st-ev").put("v", false).put("t", NOW_S * 1000 - 5000);
            String token = mint(AccessTokens.header(KID, 5), p);
            VerificationResult r = f.verify(
                    "GET",
                    VerifyOptions.optional()
                            .withClaimValidators(List.of(Claims.emailVerified(), Claims.hasRole("admin"))),
                    "cookie",
                    "sAccessToken=" + token);
            assertThat(((VerificationFailed) r).error()).isInstanceOf(SessionError.InvalidClaims.class);
            ErrorResponse resp = ErrorResponses.of(((VerificationFailed) r).error());
            assertThat(resp.status()).isEqualTo(403);
            assertThat(resp.clearTokens()).isFalse();
            assertThat(resp.body())
                    .isEqualTo(
                            "{\"message\":\"invalid claim\",\"claimValidationErrors\":["
                                    + "{\"id\":\"st-ev\",\"reason\":{\"message\":\"wrong value\",\"expectedValue\":true,\"actualValue\":false}},"
                                    + "{\"id\":\"st-role\",\"reason\":{\"message\":\"value does not exist\",\"expectedToInclude\":\"admin\"}}]}");
        }

        @Test
        void passingValidatorsGiveTheSession() {
            ObjectNode p = payload();
            p.putObject("st-ev").put("v", true).put("t", NOW_S * 1000 - 5000);
            assertThat(f.verify(
                            "GET",
                            VerifyOptions.optional().withClaimValidators(List.of(Claims.emailVerified())),
                            "cookie",
                            "sAccessToken=" + mint(AccessTokens.header(KID, 5), p)))
                    .isInstanceOf(VerifiedSession.class);
        }
    }

    private static JsonNode readJson(byte[] bytes) {
        try {
            return AccessTokens.MAPPER.readTree(bytes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
