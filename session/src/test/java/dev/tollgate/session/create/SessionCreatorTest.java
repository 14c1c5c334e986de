package dev.tollgate.session.create;

import static dev.tollgate.session.testing.CaptureSetting.ACCESS_COOKIE_EXPIRES;
import static dev.tollgate.session.testing.CaptureSetting.CLEARED_ACCESS;
import static dev.tollgate.session.testing.CaptureSetting.CLEARED_REFRESH;
import static dev.tollgate.session.testing.CaptureSetting.NOW;
import static dev.tollgate.session.testing.CaptureSetting.REFRESH_COOKIE_EXPIRES;
import static dev.tollgate.session.testing.Wire.encodedCookieValue;
import static dev.tollgate.session.testing.Wire.frontToken;
import static dev.tollgate.session.testing.Wire.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.session.Sessions;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.config.SameSite;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreHttpException;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.payload.PayloadChange;
import dev.tollgate.session.testing.CaptureSetting;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.testkit.AccessTokens;
import dev.tollgate.testkit.CannedCore;
import dev.tollgate.testkit.GoldenCaptures;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session creation on sign-in / sign-up (docs/supertokens.md#transfer-method, #writing-tokens, #clearing-tokens, #token-payload) against a loopback core answering the golden
 * captures of a real core 11.4.7: {@code POST /recipe/session} without anti-CSRF (#0) and with it (#1).
 */
class SessionCreatorTest {
    static final String ISSUER = "http://localhost:4566/dev/auth";
    static final String CORE_PATH = "/public/recipe/session";

    static final GoldenCaptures.Capture PLAIN = GoldenCaptures.find("POST", "/recipe/session", 0);
    static final GoldenCaptures.Capture WITH_ANTI_CSRF = GoldenCaptures.find("POST", "/recipe/session", 1);
    static final PayloadChange UNVERIFIED = (payload, now) -> Claims.EMAIL_VERIFIED.putInto(payload, false, now);

    @AutoClose
    CannedCore core;

    @BeforeEach
    void start() throws Exception {
        core = new CannedCore();
    }

    static SessionCreator creator(SessionConfig config) {
        return new SessionCreator(config, new CoreClient(config), new TokenWriter(config), CaptureSetting.clock());
    }

    SessionCreator creator(AntiCsrfMode mode) {
        return creator(CaptureSetting.config(core, mode).build());
    }

    SessionCreator creator() {
        return creator(AntiCsrfMode.NONE);
    }

    NewSession create(SessionCreator creator, Headers headers) throws Exception {
        return creator.create(headers, "public", AccessTokens.USER, UNVERIFIED);
    }

    static void assertHeaderModeTokens(ResponseTokens tokens) {
        CaptureSetting.assertHeaderTokens(tokens, PLAIN.responseJson());
    }

    @Test
    void withoutStAuthModeTheSessionTravelsInHeaders() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());

        NewSession session = create(creator(), headers("rid", "emailpassword"));

        assertThat(session.userId()).isEqualTo(AccessTokens.USER);
        ResponseTokens tokens = session.responseTokens();
        assertThat(tokens.setCookies()).isEmpty();
        assertThat(tokens.headers())
                .containsOnlyKeys(
                        "front-token", "st-access-token", "st-refresh-token", "Access-Control-Expose-Headers");
        assertHeaderModeTokens(tokens);
        JsonNode sent = core.lastBodySentTo(CORE_PATH);
        assertThat(sent.get("userId").asText()).isEqualTo(AccessTokens.USER);
        assertThat(sent.get("enableAntiCsrf").asBoolean()).isFalse();
        assertThat(sent.get("useDynamicSigningKey").asBoolean()).isTrue();
        assertThat(sent.get("userDataInDatabase").toString()).isEqualTo("{}");
    }

    @Test
    void anUnknownStAuthModeOrHeaderMeansHeaderMode() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());
        SessionCreator creator = creator();

        for (String mode : List.of("header", "cookies", "bearer", "")) {
            ResponseTokens tokens =
                    create(creator, headers("st-auth-mode", mode)).responseTokens();
            assertThat(tokens.setCookies()).as(mode).isEmpty();
            assertHeaderModeTokens(tokens);
        }
    }

    @Test
    void cookieModeWritesBothCookiesWithTheConfiguredAttributes() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());
        SessionConfig config = CaptureSetting.config(core, AntiCsrfMode.VIA_CUSTOM_HEADER)
                .apiDomain(URI.create("https://api.example.com"))
                .websiteDomain(URI.create("https://app.example.com"))
                .cookieDomain(".example.com")
                .cookieSecure(true)
                .cookieSameSite(SameSite.NONE)
                .build();

        NewSession session = create(creator(config), headers("st-auth-mode", "cookie"));

        JsonNode ok = PLAIN.responseJson();
        ResponseTokens tokens = session.responseTokens();
        assertThat(tokens.setCookies())
                .containsExactly(
                        "sAccessToken=" + ok.at("/accessToken/token").asText()
                                + "; Domain=.example.com; Path=/; Expires=" + ACCESS_COOKIE_EXPIRES
                                + "; HttpOnly; Secure; SameSite=None",
                        "sRefreshToken="
                                + encodedCookieValue(
                                        ok.at("/refreshToken/token").asText())
                                + "; Domain=.example.com; Path=/dev/auth/session/refresh; Expires="
                                + REFRESH_COOKIE_EXPIRES
                                + "; HttpOnly; Secure; SameSite=None");
        assertThat(tokens.headers()).containsOnlyKeys("front-token", "Access-Control-Expose-Headers");
        assertThat(tokens.headers().get("Access-Control-Expose-Headers")).isEqualTo("front-token");
        // VIA_CUSTOM_HEADER is checked on later requests; the core makes no anti-CSRF token for it.
        assertThat(core.lastBodySentTo(CORE_PATH).get("enableAntiCsrf").asBoolean())
                .isFalse();
    }

    @Test
    void theFrontTokenCarriesTheUserTheExpiryAndTheWholePayload() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());

        JsonNode front =
                frontToken(create(creator(), headers("st-auth-mode", "cookie")).responseTokens());

        assertThat(front.get("uid").asText()).isEqualTo(AccessTokens.USER);
        assertThat(front.get("ate").asLong()).isEqualTo(1_795_714_294_000L);
        assertThat(front.at("/up/sub").asText()).isEqualTo(AccessTokens.USER);
        assertThat(front.at("/up/sessionHandle").asText()).isEqualTo(AccessTokens.HANDLE);
        assertThat(front.at("/up/refreshTokenHash1").asText()).isEqualTo(AccessTokens.RTH1);
        assertThat(front.at("/up/role").asText()).isEqualTo("tester");
    }

    @Test
    void cookieModeClearsAnAccessTokenTheRequestSentInTheHeader() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());

        ResponseTokens tokens = create(creator(), headers("st-auth-mode", "cookie", "authorization", "Bearer old"))
                .responseTokens();

        assertThat(tokens.setCookies()).hasSize(2);
        assertThat(tokens.headers()).containsEntry("st-access-token", "").containsEntry("st-refresh-token", "");
        assertThat(tokens.headers().get("front-token")).isNotEqualTo("remove");
        assertThat(tokens.headers().get("Access-Control-Expose-Headers"))
                .isEqualTo("front-token, st-access-token, st-refresh-token");
    }

    @Test
    void headerModeClearsAnAccessTokenCookieThenWritesHeaders() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());

        ResponseTokens tokens = create(creator(), headers("cookie", "sAccessToken=old; sRefreshToken=old"))
                .responseTokens();

        assertThat(tokens.setCookies()).containsExactly(CLEARED_ACCESS, CLEARED_REFRESH);
        assertThat(tokens.headers().get("front-token")).isNotEqualTo("remove");
        assertHeaderModeTokens(tokens);
    }

    @Test
    void nothingIsClearedWhenTheOtherMethodCarriedNoAccessToken() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());
        SessionCreator creator = creator();

        ResponseTokens header =
                create(creator, headers("cookie", "sRefreshToken=old; other=1")).responseTokens();
        ResponseTokens cookie = create(creator, headers("st-auth-mode", "cookie", "authorization", "Basic dXNlcg=="))
                .responseTokens();

        assertThat(header.setCookies()).isEmpty();
        assertThat(cookie.headers()).containsOnlyKeys("front-token", "Access-Control-Expose-Headers");
        assertThat(cookie.setCookies())
                .extracting(c -> c.substring(0, c.indexOf('=')))
                .containsExactly("sAccessToken", "sRefreshToken");
    }

    @Test
    void thePayloadSentToTheCoreIsIssAndTheInitialClaimsWithoutProtectedOnes() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());
        PayloadChange change = (payload, now) -> {
            Claims.EMAIL_VERIFIED.putInto(payload, true, now);
            payload.put("role", "tester")
                    .put("iss", "https://evil.example")
                    .put("sub", "someone-else")
                    .put("exp", 1)
                    .put("sessionHandle", "h")
                    .put("antiCsrfToken", "x")
                    .put("tId", "t")
                    .put("stt", 1);
        };

        creator().create(headers(), "public", AccessTokens.USER, change);

        assertThat(core.lastBodySentTo(CORE_PATH).get("userDataInJWT").toString())
                .isEqualTo("{\"iss\":\"" + ISSUER + "\",\"st-ev\":{\"v\":true,\"t\":" + NOW + "},\"role\":\"tester\"}");
    }

    @Test
    void withoutInitialClaimsThePayloadIsJustIss() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());

        creator().create(headers(), "public", AccessTokens.USER, (payload, now) -> {});

        assertThat(core.lastBodySentTo(CORE_PATH).get("userDataInJWT").toString())
                .isEqualTo("{\"iss\":\"" + ISSUER + "\"}");
    }

    @Test
    void viaTokenAsksForAnAntiCsrfTokenForACookieSessionAndSendsIt() throws Exception {
        core.on("POST", CORE_PATH, WITH_ANTI_CSRF.answer());

        ResponseTokens tokens = create(creator(AntiCsrfMode.VIA_TOKEN), headers("st-auth-mode", "cookie"))
                .responseTokens();

        assertThat(core.lastBodySentTo(CORE_PATH).get("enableAntiCsrf").asBoolean())
                .isTrue();
        assertThat(tokens.headers().get("anti-csrf"))
                .isEqualTo(WITH_ANTI_CSRF.responseJson().get("antiCsrfToken").asText());
        assertThat(tokens.headers().get("Access-Control-Expose-Headers")).isEqualTo("front-token, anti-csrf");
    }

    @Test
    void viaTokenDoesNotApplyToAHeaderSession() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());

        create(creator(AntiCsrfMode.VIA_TOKEN), headers("st-auth-mode", "header"));

        assertThat(core.lastBodySentTo(CORE_PATH).get("enableAntiCsrf").asBoolean())
                .isFalse();
    }

    @Test
    void theTenantIsPartOfTheCorePath() throws Exception {
        core.on("POST", "/tenant-a/recipe/session", PLAIN.answer());

        creator().create(headers(), "tenant-a", AccessTokens.USER, UNVERIFIED);

        assertThat(core.last().pathAndQuery()).isEqualTo("/tenant-a/recipe/session");
    }

    @Test
    void aFailingCoreIsACoreExceptionNeverASession() {
        core.on("POST", CORE_PATH, 500, "internal error");

        assertThatThrownBy(() -> create(creator(), headers("st-auth-mode", "cookie")))
                .isInstanceOfSatisfying(
                        CoreHttpException.class, e -> assertThat(e.status()).isEqualTo(500));
    }

    @Test
    void theLibraryWiresACreatorFromItsConfig() throws Exception {
        core.on("POST", CORE_PATH, PLAIN.answer());

        NewSession session = create(
                Sessions.create(CaptureSetting.config(core, AntiCsrfMode.NONE).build())
                        .creator(),
                headers());

        assertThat(session.userId()).isEqualTo(AccessTokens.USER);
        assertThat(session.responseTokens().headers()).containsKey("front-token");
        assertThat(session.responseTokens().setCookies()).isEmpty();
    }
}
