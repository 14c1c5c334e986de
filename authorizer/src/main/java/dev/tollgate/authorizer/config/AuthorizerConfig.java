package dev.tollgate.authorizer.config;

import dev.tollgate.authorizer.policy.PolicyScope;
import dev.tollgate.session.config.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

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
 */
public record AuthorizerConfig(
        boolean sessionRequired, PolicyScope policyScope, RouteClaims routeClaims, LogLevel logLevel) {

    public static AuthorizerConfig fromEnvironment(Map<String, String> env) {
        return new AuthorizerConfig(
                bool(env, "SESSION_REQUIRED", false),
                choice(env, "POLICY_SCOPE", PolicyScope.class, PolicyScope.METHOD),
                RouteClaims.parse(env.get(RouteClaims.VARIABLE)),
                choice(env, "LOG_LEVEL", LogLevel.class, LogLevel.INFO));
    }

    private static boolean bool(Map<String, String> env, String name, boolean fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(name, "true, false", "'" + value + "' is not accepted");
        };
    }

    private static <E extends Enum<E>> E choice(Map<String, String> env, String name, Class<E> type, E fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String accepted = Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new ConfigException(name, accepted + ", in any case", "'" + value + "' is not accepted");
        }
    }
}
