package dev.tollgate.session.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.config.ConfigException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionConfigTest {
    @Test
    void readsTheSharedVariablesWithNodeDefaults() {
        SessionConfig c = SessionConfig.fromEnvironment(Map.of(
                "SUPERTOKENS_CONNECTION_URI", "http://core-a:3567/, http://core-b:3567",
                "API_DOMAIN", "http://localhost:4566",
                "API_GATEWAY_PATH", "/dev",
                "API_BASE_PATH", "/auth",
                "WEBSITE_DOMAIN", "http://localhost:3000"));
        assertThat(c.coreUris()).containsExactly(URI.create("http://core-a:3567"), URI.create("http://core-b:3567"));
        assertThat(c.cookieSameSite()).isEqualTo(SameSite.LAX);
        assertThat(c.cookieSecure()).isFalse();
        assertThat(c.antiCsrf()).isEqualTo(AntiCsrfMode.NONE);
        assertThat(c.refreshTokenPath()).isEqualTo("/dev/auth/session/refresh");
        assertThat(c.issuer()).isEqualTo("http://localhost:4566/dev/auth");
        assertThat(c.useDynamicAccessTokenSigningKey()).isTrue();
        assertThat(c.apiKey()).isNull();
    }

    @Test
    void crossSiteDefaultsToSameSiteNoneAndCustomHeaderAntiCsrf() {
        SessionConfig c = SessionConfig.fromEnvironment(Map.of(
                "SUPERTOKENS_CONNECTION_URI", "https://core.example.net",
                "API_DOMAIN", "https://api.example.com",
                "WEBSITE_DOMAIN", "https://app.example.org"));
        assertThat(c.cookieSameSite()).isEqualTo(SameSite.NONE);
        assertThat(c.cookieSecure()).isTrue();
        assertThat(c.antiCsrf()).isEqualTo(AntiCsrfMode.VIA_CUSTOM_HEADER);
    }

    @Test
    void badValuesNameTheVariableAndTheAcceptedValues() {
        assertThatThrownBy(() -> SessionConfig.fromEnvironment(Map.of(
                        "SUPERTOKENS_CONNECTION_URI",
                        "http://core:3567",
                        "API_DOMAIN",
                        "http://localhost:4566",
                        "COOKIE_SAME_SITE",
                        "sometimes")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.variable()).isEqualTo("COOKIE_SAME_SITE");
                    assertThat(e.getMessage()).contains("lax, strict, none");
                });
        assertThatThrownBy(() -> SessionConfig.fromEnvironment(Map.of("API_DOMAIN", "http://localhost:4566")))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.variable()).isEqualTo("SUPERTOKENS_CONNECTION_URI"));
    }

    @Test
    void pathsThatWouldAddOrSplitCookieAttributesAreRefused() {
        for (String variable : List.of("API_GATEWAY_PATH", "API_BASE_PATH")) {
            for (String value : List.of("/dev;Domain=evil.example", "/dev; Secure", "/a,b")) {
                ConfigException e = failure(
                        Map.of(CORE, "http://core:3567", "API_DOMAIN", "http://localhost:4566", variable, value));
                assertThat(e.variable()).as(variable + "=" + value).isEqualTo(variable);
            }
        }
    }

    static final String CORE = "SUPERTOKENS_CONNECTION_URI";

    static ConfigException failure(Map<String, String> env) {
        try {
            SessionConfig.fromEnvironment(env);
        } catch (ConfigException e) {
            return e;
        }
        throw new AssertionError("no ConfigException for " + env.keySet());
    }

    @Test
    void everyBadValueNamesItsVariable() {
        Map<String, String> base = Map.of(CORE, "http://core:3567", "API_DOMAIN", "http://localhost:4566");
        record Case(String variable, String value) {}
        for (Case c : List.of(
                new Case(CORE, "ftp://core"),
                new Case(CORE, "not a uri"),
                new Case(CORE, " , "),
                new Case("API_DOMAIN", "localhost:4566"),
                new Case("API_DOMAIN", "http://localhost:4566/api"),
                new Case("WEBSITE_DOMAIN", "http://localhost:3000?x=1"),
                new Case("API_BASE_PATH", "/a b"),
                new Case("COOKIE_SECURE", "yes"),
                new Case("SUPERTOKENS_API_KEY", "a b"),
                new Case("COOKIE_DOMAIN", "exa mple.com"),
                new Case("ANTI_CSRF", "TOKEN"),
                new Case("SUPERTOKENS_USE_DYNAMIC_SIGNING_KEY", "1"),
                new Case("SUPERTOKENS_JWKS_MAX_AGE_SECONDS", "0"),
                new Case("SUPERTOKENS_JWKS_PENALTY_SECONDS", "-1"),
                new Case("SUPERTOKENS_CONNECT_TIMEOUT_MS", "soon"),
                new Case("SUPERTOKENS_REQUEST_TIMEOUT_MS", "0"))) {
            HashMap<String, String> env = new HashMap<>(base);
            env.put(c.variable(), c.value());
            ConfigException e = failure(env);
            assertThat(e.variable()).as(c.toString()).isEqualTo(c.variable());
            assertThat(e.accepted()).isNotBlank();
        }
        assertThat(failure(Map.of(CORE, "http://core:3567")).variable()).isEqualTo("API_DOMAIN");
    }

    @Test
    void aCoreUriWithUserInfoIsRefusedWithoutEchoingIt() {
        for (String uris : List.of(
                "https://admin:s3cret@core.example.com",
                "http://core:3567, http://admin:s3cret@core-b",
                "http://admin:s3cret@core:3567/?x=1",
                "http://admin:s3cret@core:3567/ bad")) {
            ConfigException e = failure(Map.of(CORE, uris, "API_DOMAIN", "http://localhost:4566"));
            assertThat(e.variable()).as(uris).isEqualTo(CORE);
            assertThat(e.getMessage()).as(uris).doesNotContain("s3cret").doesNotContain("admin");
        }
    }

    @Test
    void optionalValuesAreReadAndNormalised() {
        SessionConfig c = SessionConfig.fromEnvironment(Map.ofEntries(
                Map.entry(CORE, "https://core.example.com/"), Map.entry("SUPERTOKENS_API_KEY", "  k3y  "),
                Map.entry("API_DOMAIN", "https://API.example.com/"), Map.entry("API_GATEWAY_PATH", "dev/"),
                Map.entry("API_BASE_PATH", "/"), Map.entry("COOKIE_SAME_SITE", "Strict"),
                Map.entry("COOKIE_SECURE", "FALSE"), Map.entry("COOKIE_DOMAIN", ".Example.com"),
                Map.entry("ANTI_CSRF", "via_token"), Map.entry("SUPERTOKENS_USE_DYNAMIC_SIGNING_KEY", "false"),
                Map.entry("SUPERTOKENS_JWKS_MAX_AGE_SECONDS", "60"), Map.entry("SUPERTOKENS_JWKS_PENALTY_SECONDS", "0"),
                Map.entry("SUPERTOKENS_CONNECT_TIMEOUT_MS", "250"),
                        Map.entry("SUPERTOKENS_REQUEST_TIMEOUT_MS", "900")));
        assertThat(c.coreUris()).containsExactly(URI.create("https://core.example.com"));
        assertThat(c.apiKey()).isEqualTo("k3y");
        assertThat(c.apiDomain()).isEqualTo(URI.create("https://api.example.com"));
        assertThat(c.websiteDomain()).isEqualTo(c.apiDomain());
        assertThat(c.apiGatewayPath()).isEqualTo("/dev");
        assertThat(c.apiBasePath()).isEmpty();
        assertThat(c.refreshTokenPath()).isEqualTo("/dev/session/refresh");
        assertThat(c.cookieSameSite()).isEqualTo(SameSite.STRICT);
        assertThat(c.cookieSecure()).isFalse();
        assertThat(c.cookieDomain()).isEqualTo(".example.com");
        assertThat(c.antiCsrf()).isEqualTo(AntiCsrfMode.VIA_TOKEN);
        assertThat(c.useDynamicAccessTokenSigningKey()).isFalse();
        assertThat(c.jwksMaxAge()).hasSeconds(60);
        assertThat(c.jwksPenaltyWindow()).isZero();
        assertThat(c.connectTimeout()).hasMillis(250);
        assertThat(c.requestTimeout()).hasMillis(900);
        assertThat(c.toString()).doesNotContain("k3y").contains("apiKey=***");
    }

    @Test
    void sameSiteNoneWithoutSecureIsRefusedUnlessBothEndsAreLocal() {
        ConfigException e = failure(Map.of(
                CORE,
                "http://core:3567",
                "API_DOMAIN",
                "http://api.example.com",
                "WEBSITE_DOMAIN",
                "http://app.example.org"));
        assertThat(e.variable()).isEqualTo("COOKIE_SECURE");
        SessionConfig local = SessionConfig.fromEnvironment(Map.of(
                CORE,
                "http://core:3567",
                "API_DOMAIN",
                "http://127.0.0.1:4566",
                "WEBSITE_DOMAIN",
                "http://localhost:3000",
                "COOKIE_SAME_SITE",
                "none"));
        assertThat(local.cookieSecure()).isFalse();
        assertThat(local.antiCsrf()).isEqualTo(AntiCsrfMode.VIA_CUSTOM_HEADER);
    }

    @Test
    void siteComparisonFollowsNodesLocalhostRule() {
        assertThat(SameSiteDefault.of(URI.create("http://localhost:4566"), URI.create("http://127.0.0.1:3000")))
                .isEqualTo(SameSite.LAX);
        assertThat(SameSiteDefault.of(URI.create("https://api.example.com"), URI.create("https://www.example.com")))
                .isEqualTo(SameSite.LAX);
        assertThat(SameSiteDefault.of(URI.create("http://localhost:4566"), URI.create("https://localhost:3000")))
                .isEqualTo(SameSite.NONE);
    }
}
