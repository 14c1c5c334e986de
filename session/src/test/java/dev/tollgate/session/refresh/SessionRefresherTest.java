package dev.tollgate.session.refresh;

import static dev.tollgate.session.testing.CaptureSetting.ACCESS_COOKIE_EXPIRES;
import static dev.tollgate.session.testing.CaptureSetting.CLEARED_ACCESS;
import static dev.tollgate.session.testing.CaptureSetting.CLEARED_LEGACY;
import static dev.tollgate.session.testing.CaptureSetting.CLEARED_REFRESH;
import static dev.tollgate.session.testing.CaptureSetting.REFRESH_COOKIE_EXPIRES;
import static dev.tollgate.session.testing.CaptureSetting.assertClearsEverything;
import static dev.tollgate.session.testing.Wire.encodedCookieValue;
import static dev.tollgate.session.testing.Wire.frontToken;
import static dev.tollgate.session.testing.Wire.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.Sessions;
import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreHttpException;
import dev.tollgate.session.error.ErrorResponse;
import dev.tollgate.session.error.ErrorResponses;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.testing.CaptureSetting;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.CannedCore;
import dev.tollgate.testkit.GoldenCaptures;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh API's protocol (docs/supertokens.md#refresh, #writing-tokens, #clearing-tokens, #legacy-cookie) against a loopback core answering the golden
 * captures of a real core 11.4.7: the first refresh rotates RT0 into RT1, the second RT1 into RT2,
 * replaying RT0 afterwards is theft, and a token the core cannot decrypt is unauthorised.
 */
class SessionRefresherTest {
    static final GoldenCaptures.Capture FIRST = GoldenCaptures.find("POST", "/recipe/session/refresh", 0);
    static final GoldenCaptures.Capture SECOND = GoldenCaptures.find("POST", "/recipe/session/refresh", 1);
    static final GoldenCaptures.Capture THEFT = GoldenCaptures.find("POST", "/recipe/session/refresh", 2);
    static final GoldenCaptures.Capture GARBAGE = GoldenCaptures.find("POST", "/recipe/session/refresh", 3);
    static final GoldenCaptures.Capture REMOVE = GoldenCaptures.find("POST", "/recipe/session/remove", 0);
    static final String RT0 = FIRST.request().get("refreshToken").asText();
    static final String RT1 = SECOND.request().get("refreshToken").asText();

    @AutoClose
    CannedCore core;

    @BeforeEach
    void start() throws Exception {
        core = new CannedCore();
    }

    SessionConfig config(AntiCsrfMode mode) {
        return CaptureSetting.config(core, mode).build();
    }

    SessionRefresher refresher(AntiCsrfMode mode) {
        SessionConfig config = config(mode);
        return new SessionRefresher(config, new CoreClient(config), new TokenWriter(config), CaptureSetting.clock());
    }

    SessionRefresher refresher() {
        return refresher(AntiCsrfMode.NONE);
    }

    /** What a browser sends back for a Set-Cookie line: the name=value pair as it was written. */
    static String cookiePair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static String setCookie(ResponseTokens tokens, String name) {
        return tokens.setCookies().stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElse(null);
    }

    @Test
    void noRefreshTokenIsUnauthorisedAndClearsBothMethodsWithoutAskingTheCore() throws Exception {
        RefreshResult result = refresher().refresh(headers("rid", "session", "st-auth-mode", "cookie"));

        RefreshResult.Rejected rejected = (RefreshResult.Rejected) result;
        assertThat(rejected.error()).isEqualTo(new SessionError.Unauthorised(true, "no_refresh_token"));
        ErrorResponse answer = ErrorResponses.of(rejected.error());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"message\":\"unauthorised\"}");
        assertClearsEverything(rejected.responseTokens());
        assertThat(core.received()).isEmpty();
    }

    @Test
    void anEmptyCookieALowerCaseBearerOrABlankBearerIsNoRefreshToken() throws Exception {
        for (Headers h : List.of(
                headers("cookie", "sRefreshToken="),
                headers("authorization", "bearer " + RT0),
                headers("authorization", "Bearer   "))) {
            assertThat(refresher().refresh(h))
                    .isInstanceOfSatisfying(
                            RefreshResult.Rejected.class,
                            r -> assertThat(r.error().reason()).isEqualTo("no_refresh_token"));
        }
        assertThat(core.received()).isEmpty();
    }

    @Test
    void theLegacyCookieIsClearedWhenThereIsNoRefreshToken() throws Exception {
        RefreshResult result = refresher().refresh(headers("cookie", "sIdRefreshToken=old"));

        assertClearsEverything(((RefreshResult.Rejected) result).responseTokens(), CLEARED_LEGACY);
    }

    @Test
    void cookieRefreshSendsTheDecodedTokenAndWritesRotatedCookies() throws Exception {
        core.on("POST", "/recipe/session/refresh", FIRST.answer());

        RefreshResult result =
                refresher().refresh(headers("rid", "session", "cookie", "sRefreshToken=" + encodedCookieValue(RT0)));

        JsonNode sent = core.lastBodySentTo("/recipe/session/refresh");
        assertThat(sent.get("refreshToken").asText()).isEqualTo(RT0);
        assertThat(sent.get("enableAntiCsrf").asBoolean()).isFalse();
        assertThat(sent.get("useDynamicSigningKey").asBoolean()).isTrue();
        assertThat(sent.has("antiCsrfToken")).isFalse();

        RefreshResult.Refreshed refreshed = (RefreshResult.Refreshed) result;
        JsonNode ok = FIRST.responseJson();
        assertThat(refreshed.userId()).isEqualTo(AccessTokens.USER);
        ResponseTokens tokens = refreshed.responseTokens();
        assertThat(tokens.setCookies())
                .containsExactly(
                        "sAccessToken=" + ok.at("/accessToken/token").asText() + "; Path=/; Expires="
                                + ACCESS_COOKIE_EXPIRES + "; HttpOnly; SameSite=Lax",
                        "sRefreshToken="
                                + encodedCookieValue(
                                        ok.at("/refreshToken/token").asText())
                                + "; Path=/dev/auth/session/refresh; Expires=" + REFRESH_COOKIE_EXPIRES
                                + "; HttpOnly; SameSite=Lax");
        assertThat(tokens.headers()).containsOnlyKeys("front-token", "Access-Control-Expose-Headers");
        assertThat(tokens.headers().get("Access-Control-Expose-Headers")).isEqualTo("front-token");
        JsonNode front = frontToken(tokens);
        assertThat(front.get("uid").asText()).isEqualTo(AccessTokens.USER);
        assertThat(front.get("ate").asLong()).isEqualTo(1_795_714_294_000L);
        assertThat(front.at("/up/sessionHandle").asText()).isEqualTo(AccessTokens.HANDLE);
        assertThat(front.at("/up/parentRefreshTokenHash1").asText()).isEqualTo(AccessTokens.RTH1);
    }

    @Test
    void eachRefreshRotatesAndTheBrowsersNewCookieCarriesTheChildToken() throws Exception {
        core.on("POST", "/recipe/session/refresh", FIRST.answer(), SECOND.answer());
        SessionRefresher refresher = refresher();

        ResponseTokens first = ((RefreshResult.Refreshed)
                        refresher.refresh(headers("cookie", "sRefreshToken=" + encodedCookieValue(RT0))))
                .responseTokens();
        String newCookie = cookiePair(setCookie(first, "sRefreshToken"));
        assertThat(newCookie).doesNotContain("+", "/");
        assertThat(URLDecoder.decode(
                        newCookie.substring("sRefreshToken=".length()).replace("+", "%2B"), StandardCharsets.UTF_8))
                .isEqualTo(RT1)
                .isNotEqualTo(RT0);

        ResponseTokens second =
                ((RefreshResult.Refreshed) refresher.refresh(headers("cookie", newCookie))).responseTokens();

        assertThat(core.lastBodySentTo("/recipe/session/refresh")
                        .get("refreshToken")
                        .asText())
                .isEqualTo(RT1);
        assertThat(setCookie(second, "sRefreshToken")).isNotEqualTo(setCookie(first, "sRefreshToken"));
        assertThat(setCookie(second, "sAccessToken")).isNotEqualTo(setCookie(first, "sAccessToken"));
    }

    @Test
    void headerRefreshAnswersInHeadersAndNeedsNoAntiCsrf() throws Exception {
        core.on("POST", "/recipe/session/refresh", FIRST.answer());

        RefreshResult result =
                refresher(AntiCsrfMode.VIA_CUSTOM_HEADER).refresh(headers("authorization", "Bearer " + RT0));

        assertThat(core.lastBodySentTo("/recipe/session/refresh")
                        .get("refreshToken")
                        .asText())
                .isEqualTo(RT0);
        ResponseTokens tokens = ((RefreshResult.Refreshed) result).responseTokens();
        assertThat(tokens.setCookies()).isEmpty();
        assertThat(tokens.headers()).containsKeys("front-token");
        CaptureSetting.assertHeaderTokens(tokens, FIRST.responseJson());
    }

    @Test
    void theHeaderTokenWinsAndTheCookiesThatAlsoCarriedOneAreCleared() throws Exception {
        core.on("POST", "/recipe/session/refresh", FIRST.answer());

        RefreshResult result = refresher()
                .refresh(
                        headers("authorization", "Bearer " + RT0, "cookie", "sAccessToken=stale; sRefreshToken=stale"));

        assertThat(core.lastBodySentTo("/recipe/session/refresh")
                        .get("refreshToken")
                        .asText())
                .isEqualTo(RT0);
        ResponseTokens tokens = ((RefreshResult.Refreshed) result).responseTokens();
        assertThat(tokens.setCookies()).containsExactly(CLEARED_ACCESS, CLEARED_REFRESH);
        assertThat(tokens.headers().get("front-token")).isNotEqualTo("remove");
        assertThat(tokens.headers().get("st-access-token"))
                .isEqualTo(FIRST.responseJson().at("/accessToken/token").asText());
        assertThat(tokens.headers().get("Access-Control-Expose-Headers"))
                .isEqualTo("front-token, st-access-token, st-refresh-token");
    }

    @Test
    void aSuccessfulRefreshClearsTheLegacyCookie() throws Exception {
        core.on("POST", "/recipe/session/refresh", FIRST.answer());

        RefreshResult result =
                refresher().refresh(headers("cookie", "sIdRefreshToken=old; sRefreshToken=" + encodedCookieValue(RT0)));

        List<String> cookies =
                ((RefreshResult.Refreshed) result).responseTokens().setCookies();
        assertThat(cookies).hasSize(3);
        assertThat(cookies.get(2)).isEqualTo(CLEARED_LEGACY);
    }

    @Test
    void viaCustomHeaderRefusesACookieRefreshWithoutRidBeforeCallingTheCore() throws Exception {
        core.on("POST", "/recipe/session/refresh", FIRST.answer());
        SessionRefresher refresher = refresher(AntiCsrfMode.VIA_CUSTOM_HEADER);
        Headers cookie = headers("cookie", "sRefreshToken=" + encodedCookieValue(RT0));

        RefreshResult withoutRid = refresher.refresh(cookie);

        assertThat(((RefreshResult.Rejected) withoutRid).error())
                .isEqualTo(new SessionError.Unauthorised(true, "anti_csrf_header_missing"));
        assertClearsEverything(((RefreshResult.Rejected) withoutRid).responseTokens());
        assertThat(core.received()).isEmpty();

        RefreshResult withRid =
                refresher.refresh(headers("rid", "anti-csrf", "cookie", "sRefreshToken=" + encodedCookieValue(RT0)));
        assertThat(withRid).isInstanceOf(RefreshResult.Refreshed.class);
        assertThat(core.lastBodySentTo("/recipe/session/refresh")
                        .get("enableAntiCsrf")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void viaTokenLetsTheCoreCheckTheAntiCsrfTokenOfACookieRefreshAndSendsTheNewOne() throws Exception {
        ObjectNode ok = (ObjectNode) FIRST.responseJson();
        ok.put("antiCsrfToken", "next-csrf");
        core.on("POST", "/recipe/session/refresh", 200, ok.toString());

        RefreshResult result = refresher(AntiCsrfMode.VIA_TOKEN)
                .refresh(headers("anti-csrf", "this-csrf", "cookie", "sRefreshToken=" + encodedCookieValue(RT0)));

        JsonNode sent = core.lastBodySentTo("/recipe/session/refresh");
        assertThat(sent.get("enableAntiCsrf").asBoolean()).isTrue();
        assertThat(sent.get("antiCsrfToken").asText()).isEqualTo("this-csrf");
        ResponseTokens tokens = ((RefreshResult.Refreshed) result).responseTokens();
        assertThat(tokens.headers().get("anti-csrf")).isEqualTo("next-csrf");
        assertThat(tokens.headers().get("Access-Control-Expose-Headers")).isEqualTo("front-token, anti-csrf");
    }

    @Test
    void viaTokenDoesNotApplyToAHeaderRefresh() throws Exception {
        core.on("POST", "/recipe/session/refresh", FIRST.answer());

        refresher(AntiCsrfMode.VIA_TOKEN).refresh(headers("authorization", "Bearer " + RT0));

        assertThat(core.lastBodySentTo("/recipe/session/refresh")
                        .get("enableAntiCsrf")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aTokenTheCoreRefusesIsUnauthorisedAndClears() throws Exception {
        core.on("POST", "/recipe/session/refresh", GARBAGE.answer());

        RefreshResult result = refresher().refresh(headers("cookie", "sRefreshToken=garbage"));

        RefreshResult.Rejected rejected = (RefreshResult.Rejected) result;
        assertThat(rejected.error()).isEqualTo(new SessionError.Unauthorised(true, "refresh_token_rejected"));
        assertClearsEverything(rejected.responseTokens());
        assertThat(core.received())
                .extracting(CannedCore.Received::pathAndQuery)
                .containsExactly("/recipe/session/refresh");
    }

    @Test
    void theftRevokesTheSessionAndClearsEveryTransferMethod() throws Exception {
        core.on("POST", "/recipe/session/refresh", THEFT.answer());
        core.on("POST", "/recipe/session/remove", REMOVE.answer());

        RefreshResult result =
                refresher().refresh(headers("cookie", "sIdRefreshToken=old; sRefreshToken=" + encodedCookieValue(RT0)));

        RefreshResult.Rejected rejected = (RefreshResult.Rejected) result;
        assertThat(rejected.error())
                .isEqualTo(
                        new SessionError.TokenTheftDetected(AccessTokens.HANDLE, AccessTokens.USER, AccessTokens.USER));
        ErrorResponse answer = ErrorResponses.of(rejected.error());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"message\":\"token theft detected\"}");
        assertThat(core.lastBodySentTo("/recipe/session/remove").toString())
                .isEqualTo("{\"sessionHandles\":[\"" + AccessTokens.HANDLE + "\"]}");
        assertClearsEverything(rejected.responseTokens(), CLEARED_LEGACY);
    }

    @Test
    void duplicateSessionCookiesAreTheirOwnOutcomeOverEveryCookieLine() throws Exception {
        assertThat(refresher().refresh(headers("cookie", "sRefreshToken=a; sRefreshToken=b")))
                .isEqualTo(new RefreshResult.DuplicateSessionCookies("sRefreshToken"));
        assertThat(refresher()
                        .refresh(headers("cookie", "sAccessToken=a; sRefreshToken=r", "cookie", "sAccessToken=b")))
                .isEqualTo(new RefreshResult.DuplicateSessionCookies("sAccessToken"));
        assertThat(core.received()).isEmpty();
    }

    @Test
    void aFailingCoreIsAnExceptionNamingTheCallNeverA401() {
        core.on("POST", "/recipe/session/refresh", 500, "internal error");

        assertThatThrownBy(() -> refresher().refresh(headers("cookie", "sRefreshToken=" + encodedCookieValue(RT0))))
                .isInstanceOfSatisfying(RefreshCoreException.class, e -> {
                    assertThat(e.call()).isEqualTo(RefreshCoreException.Call.REFRESH);
                    assertThat(e.getCause()).isInstanceOf(CoreHttpException.class);
                });
    }

    @Test
    void aFailedRevocationAfterTheftIsItsOwnFailure() {
        core.on("POST", "/recipe/session/refresh", THEFT.answer());
        core.on("POST", "/recipe/session/remove", 500, "internal error");

        assertThatThrownBy(() -> refresher().refresh(headers("cookie", "sRefreshToken=" + encodedCookieValue(RT0))))
                .isInstanceOfSatisfying(
                        RefreshCoreException.class,
                        e -> assertThat(e.call()).isEqualTo(RefreshCoreException.Call.REVOKE_AFTER_THEFT));
    }

    @Test
    void theLibraryWiresARefresherFromItsConfig() throws Exception {
        core.on("POST", "/recipe/session/refresh", FIRST.answer());

        RefreshResult result = Sessions.create(config(AntiCsrfMode.NONE))
                .refresher()
                .refresh(headers("authorization", "Bearer " + RT0));

        assertThat(result)
                .isInstanceOfSatisfying(
                        RefreshResult.Refreshed.class,
                        r -> assertThat(r.userId()).isEqualTo(AccessTokens.USER));
    }
}
