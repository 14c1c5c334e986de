package dev.tollgate.authorizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.authorizer.crypto.RsaProvider;
import dev.tollgate.authorizer.policy.PolicyScope;
import dev.tollgate.config.ConfigException;
import dev.tollgate.log.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizerConfigTest {

    @Test
    void defaults() {
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(Map.of());

        assertThat(config.sessionRequired()).isFalse();
        assertThat(config.policyScope()).isEqualTo(PolicyScope.METHOD);
        assertThat(config.routeClaims().rules()).isEmpty();
        assertThat(config.logLevel()).isEqualTo(Level.INFO);
        assertThat(config.rsaProvider()).isEqualTo(RsaProvider.AUTO);
    }

    @Test
    void readsEveryVariable() {
        AuthorizerConfig config = AuthorizerConfig.fromEnvironment(Map.of(
                "SESSION_REQUIRED",
                "TRUE",
                "POLICY_SCOPE",
                "api",
                "LOG_LEVEL",
                "warn",
                "REQUIRED_CLAIMS",
                "POST /verified/graphql=st-ev",
                "RSA_PROVIDER",
                "JDK"));

        assertThat(config.sessionRequired()).isTrue();
        assertThat(config.policyScope()).isEqualTo(PolicyScope.API);
        assertThat(config.logLevel()).isEqualTo(Level.WARN);
        assertThat(config.rsaProvider()).isEqualTo(RsaProvider.JDK);
        assertThat(config.routeClaims().forRoute("POST", "/verified/graphql"))
                .containsExactly(new ClaimRequirement.EmailVerified());
    }

    @Test
    void badValuesNameTheVariableAndTheAcceptedValues() {
        assertThatThrownBy(() -> AuthorizerConfig.fromEnvironment(Map.of("SESSION_REQUIRED", "yes")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("SESSION_REQUIRED: not a boolean (accepted: true, false)");
        assertThatThrownBy(() -> AuthorizerConfig.fromEnvironment(Map.of("POLICY_SCOPE", "stage")))
                .hasMessage("POLICY_SCOPE: not one of the accepted values (accepted: method, api, in any case)");
        assertThatThrownBy(() -> AuthorizerConfig.fromEnvironment(Map.of("LOG_LEVEL", "trace")))
                .hasMessage(
                        "LOG_LEVEL: not one of the accepted values (accepted: debug, info, warn, error, in any case)");
        assertThatThrownBy(() -> AuthorizerConfig.fromEnvironment(Map.of("RSA_PROVIDER", "openssl")))
                .hasMessage("RSA_PROVIDER: not one of the accepted values (accepted: auto, jdk, in any case)");
    }

    @Test
    void routeClaimsMatchTheResourceTemplateAndFallBackToAny() {
        RouteClaims claims = RouteClaims.parse(
                " POST /verified/graphql=st-ev ; ANY /admin/{proxy+}=st-role:admin,st-perm:notes:write;"
                        + "GET /admin/{proxy+}=st-role:reader;");

        assertThat(claims.forRoute("POST", "/verified/graphql")).containsExactly(new ClaimRequirement.EmailVerified());
        assertThat(claims.forRoute("GET", "/verified/graphql")).isEmpty();
        assertThat(claims.forRoute("POST", "/graphql")).isEmpty();
        assertThat(claims.forRoute("DELETE", "/admin/{proxy+}"))
                .containsExactly(
                        new ClaimRequirement.HasRole("admin"), new ClaimRequirement.HasPermission("notes:write"));
        assertThat(claims.forRoute("GET", "/admin/{proxy+}"))
                .isEqualTo(List.of(new ClaimRequirement.HasRole("reader")));
        assertThat(claims.rules().keySet())
                .containsExactly("POST /verified/graphql", "ANY /admin/{proxy+}", "GET /admin/{proxy+}");
    }

    @Test
    void badRouteClaimRulesFailWithTheVariableName() {
        for (String bad : new String[] {
            "POST /x",
            "post /x=st-ev",
            "POST x=st-ev",
            "POST /x=st-email",
            "POST /x=st-role:",
            "POST /x=st-ev;POST /x=st-ev",
            "/x=st-ev",
            "POST /x=st-role:a b"
        }) {
            assertThatThrownBy(() -> RouteClaims.parse(bad))
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("REQUIRED_CLAIMS: ")
                    .hasMessageContaining("(accepted: rules like 'POST /verified/graphql=st-ev'");
        }
    }
}
