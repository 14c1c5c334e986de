package dev.tollgate.authapi.config;

import dev.tollgate.session.config.SessionConfig;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the auth API is configured with, read once at start-up: the session library's shared
 * variables (core, domains, paths, cookies, anti-CSRF), the email sender, and the log level.
 *
 * @param quietLog true when {@code LOG_LEVEL} is WARN or ERROR: successful requests are not logged
 */
public record AuthApiConfig(SessionConfig session, EmailConfig email, boolean quietLog) {

    /** @throws ConfigException or the session library's ConfigException, naming the variable */
    public static AuthApiConfig fromEnvironment(Map<String, String> env) {
        SessionConfig session = SessionConfig.fromEnvironment(env);
        if (EmailConfig.value(env, SessionConfig.ENV_WEBSITE_DOMAIN).isEmpty()) {
            // CORS and the verification link both need the site's origin; the session library can do without.
            throw new ConfigException("WEBSITE_DOMAIN must be set: the auth API answers CORS for that origin only");
        }
        return new AuthApiConfig(session, EmailConfig.fromEnvironment(env), quiet(env));
    }

    /** The website's origin exactly as browsers send it in {@code Origin}. */
    public String websiteOrigin() {
        String origin = session.websiteDomain().toString();
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }

    private static boolean quiet(Map<String, String> env) {
        String level = EmailConfig.value(env, "LOG_LEVEL").orElse("INFO").toUpperCase(Locale.ROOT);
        return switch (level) {
            case "DEBUG", "INFO" -> false;
            case "WARN", "ERROR" -> true;
            default -> throw new ConfigException("LOG_LEVEL must be DEBUG, INFO, WARN or ERROR, not '" + level + "'");
        };
    }
}
