package dev.tollgate.authapi.config;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.EnvReader;
import dev.tollgate.config.Variables;
import dev.tollgate.log.Level;
import dev.tollgate.session.config.SessionConfig;
import java.util.Map;

/**
 * Everything the auth API is configured with, read once at start-up: the session library's shared
 * variables (core, domains, paths, cookies, anti-CSRF), the email sender, and the log level.
 *
 * @param logLevel {@code LOG_LEVEL}: threshold for the request log (4xx lines are WARN, 5xx ERROR)
 */
public record AuthApiConfig(SessionConfig session, EmailConfig email, Level logLevel) {

    /** @throws ConfigException naming the variable when one is missing or invalid */
    public static AuthApiConfig fromEnvironment(Map<String, String> env) {
        EnvReader reader = EnvReader.of(env);
        SessionConfig session = SessionConfig.fromEnvironment(env);
        // CORS and the verification link both need the site's origin; the session library can do without.
        reader.required(
                Variables.Session.WEBSITE_DOMAIN, "an http(s) origin: the auth API answers CORS for that origin only");
        return new AuthApiConfig(
                session, EmailConfig.fromEnvironment(env), reader.enumOf(Variables.LOG_LEVEL, Level.class, Level.INFO));
    }

    /** The website's origin exactly as browsers send it in {@code Origin}. */
    public String websiteOrigin() {
        String origin = session.websiteDomain().toString();
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
