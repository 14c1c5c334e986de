package dev.tollgate.session.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
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
                "SUPERTOKENS_CONNECTION_URI", "http://core:3567", "API_DOMAIN", "http://localhost:4566",
                "COOKIE_SAME_SITE", "sometimes")))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.variable()).isEqualTo("COOKIE_SAME_SITE");
                    assertThat(e.getMessage()).contains("lax, strict, none");
                });
        assertThatThrownBy(() -> SessionConfig.fromEnvironment(Map.of("API_DOMAIN", "http://localhost:4566")))
                .isInstanceOfSatisfying(ConfigException.class,
                        e -> assertThat(e.variable()).isEqualTo("SUPERTOKENS_CONNECTION_URI"));
        assertThat(List.of("x")).hasSize(1);
    }
}
