package dev.tollgate.session.payload;

import static dev.tollgate.session.testing.Wire.frontToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreHttpException;
import dev.tollgate.session.core.TokenInfo;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.testing.CaptureSetting;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenTransferMethod;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.VerifiedSession;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.CannedCore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code mergeIntoAccessTokenPayload} (docs/supertokens.md#claims, #claim-validation, #writing-tokens): the custom claims go to the core's
 * {@code regenerate} without the core's own claims, and the regenerated token travels back in the
 * session's transfer method with a new {@code front-token}.
 */
class PayloadUpdaterTest {
    static final String KID = "d-1795710292238";
    static final long NOW_S = 1_795_710_694L;
    static final long NOW = NOW_S * 1000;
    static final String ACCESS_COOKIE_EXPIRES = "Fri, 26 Nov 2027 16:31:34 GMT";
    static final String OLD_TOKEN = "old-access-token";

    @AutoClose
    CannedCore core;

    TokenWriter writer;
    PayloadUpdater updater;

    @BeforeEach
    void start() throws Exception {
        core = new CannedCore();
        SessionConfig config = SessionConfig.builder()
                .coreUri(core.uri())
                .apiDomain(URI.create("http://localhost:4566"))
                .apiGatewayPath("/dev")
                .requestTimeout(Duration.ofSeconds(2))
                .build();
        writer = new TokenWriter(config);
        updater = new PayloadUpdater(
                new CoreClient(config), writer, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    }

    /** A v5 payload with the core's claims, {@code iss}, an unverified {@code st-ev} and an app claim. */
    static ObjectNode sessionPayload() {
        ObjectNode payload = AccessTokens.payload(5, NOW_S - 60);
        payload.put("stt", 0);
        Claims.EMAIL_VERIFIED.putInto(payload, false, 1_000L);
        payload.put("role", "tester");
        return payload;
    }

    static VerifiedSession session(TokenTransferMethod method, ResponseTokens fromVerifier) {
        ObjectNode payload = sessionPayload();
        return new VerifiedSession(
                AccessTokens.USER,
                AccessTokens.USER,
                AccessTokens.HANDLE,
                "public",
                payload,
                OLD_TOKEN,
                (NOW_S + 3540) * 1000,
                method,
                null,
                fromVerifier);
    }

    /** The regenerated token: the core's claims with the custom claims it was given. */
    static String regeneratedToken(boolean verified) {
        ObjectNode payload = AccessTokens.payload(5, NOW_S);
        payload.put("stt", 0);
        Claims.EMAIL_VERIFIED.putInto(payload, verified, NOW);
        payload.put("role", "tester");
        return AccessTokens.sign(AccessTokens.header(KID, 5), payload, KID);
    }

    void coreRegenerates(String token) {
        ObjectNode answer = AccessTokens.MAPPER.createObjectNode().put("status", "OK");
        answer.putObject("session")
                .put("handle", AccessTokens.HANDLE)
                .put("userId", AccessTokens.USER)
                .put("recipeUserId", AccessTokens.USER)
                .put("tenantId", "public")
                .putObject("userDataInJWT");
        if (token != null) {
            answer.putObject("accessToken")
                    .put("token", token)
                    .put("expiry", (NOW_S + 3600) * 1000)
                    .put("createdTime", NOW);
        }
        core.on("POST", "/recipe/session/regenerate", 200, answer.toString());
    }

    static PayloadChange verified(boolean value) {
        return (payload, now) -> Claims.EMAIL_VERIFIED.putInto(payload, value, now);
    }

    JsonNode sentToCore() throws Exception {
        return AccessTokens.MAPPER.readTree(core.last().body());
    }

    @Test
    void theCoreGetsTheChangedCustomClaimsWithoutItsOwn() throws Exception {
        coreRegenerates(regeneratedToken(true));
        VerifiedSession session = session(TokenTransferMethod.COOKIE, ResponseTokens.NONE);

        updater.update(session, verified(true));

        assertThat(core.last().pathAndQuery()).isEqualTo("/recipe/session/regenerate");
        JsonNode sent = sentToCore();
        assertThat(sent.get("accessToken").asText()).isEqualTo(OLD_TOKEN);
        assertThat(sent.get("userDataInJWT").toString())
                .isEqualTo("{\"iss\":\"http://localhost:4566/dev/auth\",\"st-ev\":{\"v\":true,\"t\":" + NOW
                        + "},\"role\":\"tester\"}");
        // the verified session's payload is the request's: it must not change under the caller
        assertThat(session.accessTokenPayload()).isEqualTo(sessionPayload());
    }

    @Test
    void removingAKeyRemovesTheClaim() throws Exception {
        coreRegenerates(regeneratedToken(true));

        updater.update(
                session(TokenTransferMethod.COOKIE, ResponseTokens.NONE), (payload, now) -> payload.remove("role"));

        assertThat(sentToCore().get("userDataInJWT").has("role")).isFalse();
        assertThat(sentToCore().get("userDataInJWT").has("st-ev")).isTrue();
    }

    @Test
    void aCookieSessionGetsTheNewAccessTokenCookieAndFrontToken() throws Exception {
        String token = regeneratedToken(true);
        coreRegenerates(token);

        PayloadUpdate update = updater.update(session(TokenTransferMethod.COOKIE, ResponseTokens.NONE), verified(true));

        ResponseTokens tokens = ((PayloadUpdate.Updated) update).responseTokens();
        assertThat(tokens.setCookies())
                .containsExactly("sAccessToken=" + token + "; Path=/; Expires=" + ACCESS_COOKIE_EXPIRES
                        + "; HttpOnly; SameSite=Lax");
        assertThat(tokens.headers().get("Access-Control-Expose-Headers")).isEqualTo("front-token");
        JsonNode front = frontToken(tokens);
        assertThat(front.get("uid").asText()).isEqualTo(AccessTokens.USER);
        assertThat(front.get("ate").asLong()).isEqualTo((NOW_S + 3600) * 1000);
        assertThat(front.at("/up/st-ev/v").asBoolean()).isTrue();
    }

    @Test
    void aHeaderSessionGetsTheNewAccessTokenHeaderAndNoRefreshToken() throws Exception {
        String token = regeneratedToken(false);
        coreRegenerates(token);

        PayloadUpdate update =
                updater.update(session(TokenTransferMethod.HEADER, ResponseTokens.NONE), verified(false));

        ResponseTokens tokens = ((PayloadUpdate.Updated) update).responseTokens();
        assertThat(tokens.setCookies()).isEmpty();
        assertThat(tokens.headers())
                .containsEntry("st-access-token", token)
                .doesNotContainKey("st-refresh-token")
                .containsEntry("Access-Control-Expose-Headers", "front-token, st-access-token");
    }

    @Test
    void theRegeneratedTokenReplacesTheVerifiersReplacementAndKeepsItsAntiCsrfToken() throws Exception {
        String token = regeneratedToken(true);
        coreRegenerates(token);
        ResponseTokens fromVerifier = writer.sessionTokens(
                TokenTransferMethod.COOKIE,
                AccessTokens.USER,
                new TokenInfo(regeneratedToken(false), (NOW_S + 3000) * 1000, NOW),
                null,
                "csrf",
                NOW - 1000);

        PayloadUpdate update = updater.update(session(TokenTransferMethod.COOKIE, fromVerifier), verified(true));

        ResponseTokens tokens = ((PayloadUpdate.Updated) update).responseTokens();
        assertThat(tokens.setCookies())
                .containsExactly("sAccessToken=" + token + "; Path=/; Expires=" + ACCESS_COOKIE_EXPIRES
                        + "; HttpOnly; SameSite=Lax");
        assertThat(frontToken(tokens).at("/up/st-ev/v").asBoolean()).isTrue();
        assertThat(tokens.headers())
                .containsEntry("anti-csrf", "csrf")
                .containsEntry("Access-Control-Expose-Headers", "front-token, anti-csrf");
    }

    @Test
    void withoutARegeneratedTokenOnlyTheVerifiersTokensAreWritten() throws Exception {
        coreRegenerates(null);
        ResponseTokens fromVerifier = writer.sessionTokens(
                TokenTransferMethod.HEADER,
                AccessTokens.USER,
                new TokenInfo(regeneratedToken(false), (NOW_S + 3000) * 1000, NOW),
                null,
                null,
                NOW);

        PayloadUpdate update = updater.update(session(TokenTransferMethod.HEADER, fromVerifier), verified(true));

        assertThat(((PayloadUpdate.Updated) update).responseTokens()).isEqualTo(fromVerifier);
    }

    @Test
    void aSessionTheCoreNoLongerKnowsIsUnauthorisedAndClearsBothMethods() throws Exception {
        core.on(
                "POST",
                "/recipe/session/regenerate",
                200,
                "{\"status\":\"UNAUTHORISED\",\"message\":\"Session does not exist.\"}");

        PayloadUpdate update = updater.update(session(TokenTransferMethod.COOKIE, ResponseTokens.NONE), verified(true));

        PayloadUpdate.Rejected rejected = (PayloadUpdate.Rejected) update;
        assertThat(rejected.error()).isEqualTo(new SessionError.Unauthorised(true, "session_revoked"));
        CaptureSetting.assertClearsEverything(rejected.responseTokens());
    }

    @Test
    void aFailingCoreIsACoreException() {
        core.on("POST", "/recipe/session/regenerate", 500, "internal error");

        assertThatThrownBy(
                        () -> updater.update(session(TokenTransferMethod.COOKIE, ResponseTokens.NONE), verified(true)))
                .isInstanceOf(CoreHttpException.class);
    }
}
