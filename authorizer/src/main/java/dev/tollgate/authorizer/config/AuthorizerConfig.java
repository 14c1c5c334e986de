package dev.tollgate.authorizer.config;

import dev.tollgate.authorizer.crypto.RsaProvider;
import dev.tollgate.authorizer.policy.PolicyScope;
import dev.tollgate.config.EnvReader;
import dev.tollgate.config.Variables;
import dev.tollgate.config.Variables.Authorizer;
import dev.tollgate.log.Level;
import java.util.Map;

/**
 * The authorizer's own settings (the session settings it shares with the auth API are read by the
 * session library). Built once at init; a bad value stops the init with a message that names the
 * variable and the values it accepts.
 *
 * @param sessionRequired {@code SESSION_REQUIRED}: a call without a session gets 401 instead of an
 *                        anonymous Allow
 * @param policyScope     {@code POLICY_SCOPE}: resource named in the returned policy
 * @param routeClaims     {@code REQUIRED_CLAIMS}: claims required per route
 * @param logLevel        {@code LOG_LEVEL}: threshold for log lines
 * @param rsaProvider     {@code RSA_PROVIDER}: which provider checks RS256 signatures
 */
public record AuthorizerConfig(
        boolean sessionRequired,
        PolicyScope policyScope,
        RouteClaims routeClaims,
        Level logLevel,
        RsaProvider rsaProvider) {

    /** @throws dev.tollgate.config.ConfigException naming the variable when one is invalid */
    public static AuthorizerConfig fromEnvironment(Map<String, String> env) {
        EnvReader reader = EnvReader.of(env);
        return new AuthorizerConfig(
                reader.bool(Authorizer.SESSION_REQUIRED, false),
                reader.enumOf(Authorizer.POLICY_SCOPE, PolicyScope.class, PolicyScope.METHOD),
                RouteClaims.parse(reader.optional(Authorizer.REQUIRED_CLAIMS).orElse(null)),
                reader.enumOf(Variables.LOG_LEVEL, Level.class, Level.INFO),
                reader.enumOf(Authorizer.RSA_PROVIDER, RsaProvider.class, RsaProvider.AUTO));
    }
}
