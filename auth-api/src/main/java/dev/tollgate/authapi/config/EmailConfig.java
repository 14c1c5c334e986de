package dev.tollgate.authapi.config;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.EnvReader;
import dev.tollgate.config.Variables.AuthApi;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How verification emails leave: {@code EMAIL_SENDER} = {@code log} (default), {@code webhook}
 * (needs {@code EMAIL_WEBHOOK_URL}) or {@code ses} (needs {@code EMAIL_FROM}).
 */
public record EmailConfig(Kind kind, Optional<URI> webhookUrl, Optional<String> from) {

    private static final Pattern ADDRESS = Pattern.compile("[^\\r\\n]*@[^\\r\\n]*");

    public enum Kind {
        LOG,
        WEBHOOK,
        SES
    }

    public static EmailConfig fromEnvironment(Map<String, String> env) {
        EnvReader reader = EnvReader.of(env);
        Kind kind = reader.enumOf(AuthApi.EMAIL_SENDER, Kind.class, Kind.LOG);
        Optional<URI> webhook = reader.httpUrl(AuthApi.EMAIL_WEBHOOK_URL);
        Optional<String> from = reader.matching(AuthApi.EMAIL_FROM, ADDRESS, "an email address");
        if (kind == Kind.WEBHOOK && webhook.isEmpty()) {
            throw new ConfigException(
                    AuthApi.EMAIL_WEBHOOK_URL, "an absolute http(s) URL", "not set, and EMAIL_SENDER is webhook");
        }
        if (kind == Kind.SES && from.isEmpty()) {
            throw new ConfigException(
                    AuthApi.EMAIL_FROM, "a verified SES sender address", "not set, and EMAIL_SENDER is ses");
        }
        return new EmailConfig(kind, webhook, from);
    }
}
