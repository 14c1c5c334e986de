package dev.tollgate.session.refresh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.Sessions;
import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreHttpException;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.testing.FakeCore;
import dev.tollgate.session.testing.GoldenCaptures;
import dev.tollgate.session.testing.TokenMinter;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.ErrorResponse;
import dev.tollgate.session.verify.ErrorResponses;
import dev.tollgate.session.verify.SessionError;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refresh API's protocol (spec E.1, C.3, C.4, C.8) against a loopback core answering the golden
 * captures of a real core 11.4.7: the first refresh rotates RT0 into RT1, the second RT1 into RT2,
 * replaying RT0 afterwards is theft, and a token the core cannot decrypt is unauthorised.
 */
class SessionRefresherTest {
    /** The capture's createdTime of the refreshed tokens: Fri, 26 Nov 2026 16:31:34 GMT. */
    static final long NOW = 1_795_710_694_000L;
    static final String ACCESS_COOKIE_EXPIRES = "Fri, 26 Nov 2027 16:31:34 GMT";
    static final String REFRESH_COOKIE_EXPIRES = "Sat, 06 Mar 2027 16:31:34 GMT";
    static final String CLEARED_ACCESS = "sAccessToken=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";
    static final String CLEARED_REFRESH = "sRefreshToken=; Path=/dev/auth/session/refresh; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";
    static final String CLEARED_LEGACY = "sIdRefreshToken=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax";

    static final GoldenCaptures.Capture FIRST = GoldenCaptures.find("POST", "/recipe/session/refresh", 0);
    static final GoldenCaptures.Capture SECOND = GoldenCaptures.find("POST", "/recipe/session/refresh", 1);
    static final GoldenCaptures.Capture THEFT = GoldenCaptures.find("POST", "/recipe/session/refresh", 2);
    static final GoldenCaptures.Capture GARBAGE = GoldenCaptures.find("POST", "/recipe/session/refresh", 3);
    static final GoldenCaptures.Capture REMOVE = GoldenCaptures.find("POST", "/recipe/session/remove", 0);
    static final String RT0 = FIRST.request().get("refreshToken").asText();
    static final String RT1 = SECOND.request().get("refreshToken").asText();

    FakeCore core;

    @BeforeEach
    void start() throws Exception {
        core = new FakeCore();
    }

    @AfterEach
    void stop() {
        core.close();
    }

    SessionConfig config(AntiCsrfMode mode) {
        return SessionConfig.builder().coreUri(core.uri()).apiDomain(URI.create("http://localhost:4566"))
                .apiGatewayPath("/dev").antiCsrf(mode).requestTimeout(Duration.ofSeconds(2)).build();
    }

    SessionRefresher refresher(AntiCsrfMode mode) {
        SessionConfig config = config(mode);
        return new SessionRefresher(config, new CoreClient(config), new TokenWriter(config),
                Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
    }

    SessionRefresher refresher() {
        return refresher(AntiCsrfMode.NONE);
    }

    static FakeCore.Answer answer(GoldenCaptures.Capture capture) {
        return new FakeCore.Answer(capture.status(), capture.responseBody(), 0);
    }

    static Headers headers(String... pairs) {
        Headers.Builder b = Headers.builder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.add(pairs[i], pairs[i + 1]);
        }
        return b.build();
    }

    /** What a browser sends back for a Set-Cookie line: the name=value pair as it was written. */
    static String cookiePair(String setCookie) {
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    static String setCookie(ResponseTokens tokens, String name) {
        return tokens.setCookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
    }

    static String encodedCookieValue(String token) {
        // The core's refresh tokens hold standard base64; encodeURIComponent turns + / = into %2B %2F %3D.
        return token.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
    }

    JsonNode sentToCore(String path) throws Exception {
        FakeCore.Received r = core.received().stream().filter(x -> x.pathAndQuery().equals(path)).reduce((a, b) -> b)
                .orElseThrow();
        return TokenMinter.MAPPER.readTree(r.body());
    }

    static JsonNode frontToken(ResponseTokens tokens) throws Exception {
        byte[] json = Base64.getDecoder().decode(tokens.headers().get("front-token"));
        return TokenMinter.MAPPER.readTree(new String(json, StandardCharsets.UTF_8));
    }

    static void assertClearsEverything(ResponseTokens tokens, String... extraCookies) {
        List<String> cookies = new java.util.ArrayList<>(List.of(CLEARED_ACCESS, CLEARED_REFRESH));
        cookies.addAll(List.of(extraCookies));
        assertThat(tokens.setCookies()).containsExactlyElementsOf(cookies);
        assertThat(tokens.headers()).containsExactly(Map.entry("front-token", "remove"),
                Map.entry("st-access-token", ""), Map.entry("st-refresh-token", ""),
                Map.entry("Access-Control-Expose-Headers", "front-token, st-access-token, st-refresh-token"));
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
        for (Headers h : List.of(headers("cookie", "sRefreshToken="), headers("authorization", "bearer " + RT0),
                headers("authorization", "Bearer   "))) {
            assertThat(refresher().refresh(h)).isInstanceOfSatisfying(RefreshResult.Rejected.class,
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
        core.on("POST", "/recipe/session/refresh", answer(FIRST));

        RefreshResult result = refresher().refresh(
                headers("rid", "session", "cookie", "sRefreshToken=" + encodedCookieValue(RT0)));

        JsonNode sent = sentToCore("/recipe/session/refresh");
        assertThat(sent.get("refreshToken").asText()).isEqualTo(RT0);
        assertThat(sent.get("enableAntiCsrf").asBoolean()).isFalse();
        assertThat(sent.get("useDynamicSigningKey").asBoolean()).isTrue();
        assertThat(sent.has("antiCsrfToken")).isFalse();

        RefreshResult.Refreshed refreshed = (RefreshResult.Refreshed) result;
        JsonNode ok = FIRST.responseJson();
        assertThat(refreshed.userId()).isEqualTo(TokenMinter.USER);
        ResponseTokens tokens = refreshed.responseTokens();
        assertThat(tokens.setCookies()).containsExactly(
                "sAccessToken=" + ok.at("/accessToken/token").asText() + "; Path=/; Expires=" + ACCESS_COOKIE_EXPIRES
                        + "; HttpOnly; SameSite=Lax",
                "sRefreshToken=" + encodedCookieValue(ok.at("/refreshToken/token").asText())
                        + "; Path=/dev/auth/session/refresh; Expires=" + REFRESH_COOKIE_EXPIRES + "; HttpOnly; SameSite=Lax");
        assertThat(tokens.headers()).containsOnlyKeys("front-token", "Access-Control-Expose-Headers");
        assertThat(tokens.headers().get("Access-Control-Expose-Headers")).isEqualTo("front-token");
        JsonNode front = frontToken(tokens);
        assertThat(front.get("uid").asText()).isEqualTo(TokenMinter.USER);
        assertThat(front.get("ate").asLong()).isEqualTo(1_795_714_294_000L);
        assertThat(front.at("/up/sessionHandle").asText()).isEqualTo(TokenMinter.HANDLE);
        assertThat(front.at("/up/parentRefreshTokenHash1").asText()).isEqualTo(TokenMinter.RTH1);
    }

    @Test
    void eachRefreshRotatesAndTheBrowsersNewCookieCarriesTheChildToken() throws Exception {
        core.on("POST", "/recipe/session/refresh", answer(FIRST), answer(SECOND));
        SessionRefresher refresher = refresher();

        ResponseTokens first = ((RefreshResult.Refreshed) refresher.refresh(
                headers("cookie", "sRefreshToken=" + encodedCookieValue(RT0)))).responseTokens();
        String newCookie = cookiePair(setCookie(first, "sRefreshToken"));
        assertThat(newCookie).doesNotContain("+", "/");
        assertThat(URLDecoder.decode(newCookie.substring("sRefreshToken=".length()).replace("+", "%2B"),
                StandardCharsets.UTF_8)).isEqualTo(RT1).isNotEqualTo(RT0);

        ResponseTokens second = ((RefreshResult.Refreshed) refresher.refresh(headers("cookie", newCookie)))
                .responseTokens();

        assertThat(sentToCore("/recipe/session/refresh").get("refreshToken").asText()).isEqualTo(RT1);
        assertThat(setCookie(second, "sRefreshToken")).isNotEqualTo(setCookie(first, "sRefreshToken"));
        assertThat(setCookie(second, "sAccessToken")).isNotEqualTo(setCookie(first, "sAccessToken"));
    }

    @Test
    void headerRefreshAnswersInHeadersAndNeedsNoAntiCsrf() throws Exception {
        core.on("POST", "/recipe/session/refresh", answer(FIRST));

        RefreshResult result = refresher(AntiCsrfMode.VIA_CUSTOM_HEADER).refresh(headers("authorization", "Bearer " + RT0));

        assertThat(sentToCore("/recipe/session/refresh").get("refreshToken").asText()).isEqualTo(RT0);
        ResponseTokens tokens = ((RefreshResult.Refreshed) result).responseTokens();
        JsonNode ok = FIRST.responseJson();
        assertThat(tokens.setCookies()).isEmpty();
        assertThat(tokens.headers()).containsKeys("front-token");
        assertThat(tokens.headers().get("st-access-token")).isEqualTo(ok.at("/accessToken/token").asText());
        assertThat(tokens.headers().get("st-refresh-token")).isEqualTo(ok.at("/refreshToken/token").asText());
        assertThat(tokens.headers().get("Access-Control-Expose-Headers"))
                .isEqualTo("front-token, st-access-token, st-refresh-token");
    }

    @Test
    void theHeaderTokenWinsAndTheCookiesThatAlsoCarriedOneAreCleared() throws Exception {
        core.on("POST", "/recipe/session/refresh", answer(FIRST));

        RefreshResult result = refresher().refresh(headers("authorization", "Bearer " + RT0,
                "cookie", "sAccessToken=stale; sRefreshToken=stale"));

        assertThat(sentToCore("/recipe/session/refresh").get("refreshToken").asText()).isEqualTo(RT0);
        ResponseTokens tokens = ((RefreshResult.Refreshed) result).responseTokens();
        assertThat(tokens.setCookies()).containsExactly(CLEARED_ACCESS, CLEARED_REFRESH);
        assertThat(tokens.headers().get("front-token")).isNotEqualTo("remove");
        assertThat(tokens.headers().get("st-access-token")).isEqualTo(FIRST.responseJson().at("/accessToken/token").asText());
        assertThat(tokens.headers().get("Access-Control-Expose-Headers"))
                .isEqualTo("front-token, st-access-token, st-refresh-token");
    }

    @Test
    void aSuccessfulRefreshClearsTheLegacyCookie() throws Exception {
        core.on("POST", "/recipe/session/refresh", answer(FIRST));

        RefreshResult result = refresher().refresh(
                headers("cookie", "sIdRefreshToken=old; sRefreshToken=" + encodedCookieValue(RT0)));

        List<String> cookies = ((RefreshResult.Refreshed) result).responseTokens().setCookies();
        assertThat(cookies).hasSize(3);
        assertThat(cookies.get(2)).isEqualTo(CLEARED_LEGACY);
    }

    @Test
    void viaCustomHeaderRefusesACookieRefreshWithoutRidBeforeCallingTheCore() throws Exception {
        core.on("POST", "/recipe/session/refresh", answer(FIRST));
        SessionRefresher refresher = refresher(AntiCsrfMode.VIA_CUSTOM_HEADER);
        Headers cookie = headers("cookie", "sRefreshToken=" + encodedCookieValue(RT0));

        RefreshResult withoutRid = refresher.refresh(cookie);

        assertThat(((RefreshResult.Rejected) withoutRid).error())
                .isEqualTo(new SessionError.Unauthorised(true, "anti_csrf_header_missing"));
        assertClearsEverything(((RefreshResult.Rejected) withoutRid).responseTokens());
        assertThat(core.received()).isEmpty();

        RefreshResult withRid = refresher.refresh(headers("rid", "anti-csrf",
                "cookie", "sRefreshToken=" + encodedCookieValue(RT0)));
        assertThat(withRid).isInstanceOf(RefreshResult.Refreshed.class);
        assertThat(sentToCore("/recipe/session/refresh").get("enableAntiCsrf").asBoolean()).isFalse();
    }

    @Test
    void viaTokenLetsTheCoreCheckTheAntiCsrfTokenOfACookieRefreshAndSendsTheNewOne() throws Exception {
        ObjectNode ok = (ObjectNode) FIRST.responseJson();
        ok.put("antiCsrfToken", "next-csrf");
        core.on("POST", "/recipe/session/refresh", 200, ok.toString());

        RefreshResult result = refresher(AntiCsrfMode.VIA_TOKEN).refresh(headers("anti-csrf", "this-csrf",
                "cookie", "sRefreshToken=" + encodedCookieValue(RT0)));

        JsonNode sent = sentToCore("/recipe/session/refresh");
        assertThat(sent.get("enableAntiCsrf").asBoolean()).isTrue();
        assertThat(sent.get("antiCsrfToken").asText()).isEqualTo("this-csrf");
        ResponseTokens tokens = ((RefreshResult.Refreshed) result).responseTokens();
        assertThat(tokens.headers().get("anti-csrf")).isEqualTo("next-csrf");
        assertThat(tokens.headers().get("Access-Control-Expose-Headers")).isEqualTo("front-token, anti-csrf");
    }

    @Test
    void viaTokenDoesNotApplyToAHeaderRefresh() throws Exception {
        core.on("POST", "/recipe/session/refresh", answer(FIRST));

        refresher(AntiCsrfMode.VIA_TOKEN).refresh(headers("authorization", "Bearer " + RT0));

        assertThat(sentToCore("/recipe/session/refresh").get("enableAntiCsrf").asBoolean()).isFalse();
    }

    @Test
    void aTokenTheCoreRefusesIsUnauthorisedAndClears() throws Exception {
        core.on("POST", "/recipe/session/refresh", answer(GARBAGE));

        RefreshResult result = refresher().refresh(headers("cookie", "sRefreshToken=garbage"));

        RefreshResult.Rejected rejected = (RefreshResult.Rejected) result;
        assertThat(rejected.error()).isEqualTo(new SessionError.Unauthorised(true, "refresh_token_rejected"));
        assertClearsEverything(rejected.responseTokens());
        assertThat(core.received()).extracting(FakeCore.Received::pathAndQuery)
                .containsExactly("/recipe/session/refresh");
    }

    @Test
    void theftRevokesTheSessionAndClearsEveryTransferMethod() throws Exception {
        core.on("POST", "/recipe/session/refresh", answer(THEFT));
        core.on("POST", "/recipe/session/remove", answer(REMOVE));

        RefreshResult result = refresher().refresh(
                headers("cookie", "sIdRefreshToken=old; sRefreshToken=" + encodedCookieValue(RT0)));

        RefreshResult.Rejected rejected = (RefreshResult.Rejected) result;
        assertThat(rejected.error()).isEqualTo(
                new SessionError.TokenTheftDetected(TokenMinter.HANDLE, TokenMinter.USER, TokenMinter.USER));
        ErrorResponse answer = ErrorResponses.of(rejected.error());
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("{\"message\":\"token theft detected\"}");
        assertThat(sentToCore("/recipe/session/remove").toString())
                .isEqualTo("{\"sessionHandles\":[\"" + TokenMinter.HANDLE + "\"]}");
        assertClearsEverything(rejected.responseTokens(), CLEARED_LEGACY);
    }

    @Test
    void duplicateSessionCookiesAreTheirOwnOutcomeOverEveryCookieLine() throws Exception {
        assertThat(refresher().refresh(headers("cookie", "sRefreshToken=a; sRefreshToken=b")))
                .isEqualTo(new RefreshResult.DuplicateSessionCookies("sRefreshToken"));
        assertThat(refresher().refresh(headers("cookie", "sAccessToken=a; sRefreshToken=r", "cookie", "sAccessToken=b")))
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
        core.on("POST", "/recipe/session/refresh", answer(THEFT));
        core.on("POST", "/recipe/session/remove", 500, "internal error");

        assertThatThrownBy(() -> refresher().refresh(headers("cookie", "sRefreshToken=" + encodedCookieValue(RT0))))
                .isInstanceOfSatisfying(RefreshCoreException.class,
                        e -> assertThat(e.call()).isEqualTo(RefreshCoreException.Call.REVOKE_AFTER_THEFT));
    }

    @Test
    void theLibraryWiresARefresherFromItsConfig() throws Exception {
        core.on("POST", "/recipe/session/refresh", answer(FIRST));

        RefreshResult result = Sessions.create(config(AntiCsrfMode.NONE)).refresher()
                .refresh(headers("authorization", "Bearer " + RT0));

        assertThat(result).isInstanceOfSatisfying(RefreshResult.Refreshed.class,
                r -> assertThat(r.userId()).isEqualTo(TokenMinter.USER));
    }
}
