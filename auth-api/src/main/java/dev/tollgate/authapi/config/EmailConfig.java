package dev.tollgate.authapi.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How verification emails leave: {@code EMAIL_SENDER} = {@code log} (default), {@code webhook}
 * (needs {@code EMAIL_WEBHOOK_URL}) or {@code ses} (needs {@code EMAIL_FROM}).
 */
public record EmailConfig(Kind kind, Optional<URI> webhookUrl, Optional<String> from) {

    public enum Kind {
        LOG,
        WEBHOOK,
        SES
    }

    public static EmailConfig fromEnvironment(Map<String, String> env) {
        String raw = value(env, "EMAIL_SENDER").orElse("log");
        Kind kind = switch (raw.toLowerCase(Locale.ROOT)) {
            case "log" -> Kind.LOG;
            case "webhook" -> Kind.WEBHOOK;
            case "ses" -> Kind.SES;
            default -> throw new ConfigException("EMAIL_SENDER must be log, webhook or ses, not '" + raw + "'");
        };
        Optional<URI> webhook = value(env, "EMAIL_WEBHOOK_URL").map(EmailConfig::httpUrl);
        Optional<String> from = value(env, "EMAIL_FROM");
        if (kind == Kind.WEBHOOK && webhook.isEmpty()) {
            throw new ConfigException("EMAIL_SENDER=webhook needs EMAIL_WEBHOOK_URL");
        }
        if (kind == Kind.SES && from.isEmpty()) {
            throw new ConfigException("EMAIL_SENDER=ses needs EMAIL_FROM (a verified SES sender address)");
        }
        from.ifPresent(address -> {
            if (!address.contains("@")) {
                throw new ConfigException("EMAIL_FROM must be an email address");
            }
        });
        return new EmailConfig(kind, webhook, from);
    }

    private static URI httpUrl(String raw) {
        try {
            URI uri = new URI(raw);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigException("EMAIL_WEBHOOK_URL must be an absolute http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("EMAIL_WEBHOOK_URL is not a URL");
        }
    }

    static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
