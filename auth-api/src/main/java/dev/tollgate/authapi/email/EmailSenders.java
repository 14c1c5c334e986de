package dev.tollgate.authapi.email;

import dev.tollgate.authapi.config.EmailConfig;

/** Builds the configured sender. */
public final class EmailSenders {

    private EmailSenders() {}

    public static EmailSender create(EmailConfig config) {
        return switch (config.kind()) {
            case LOG -> new LogEmailSender(System.out);
            case WEBHOOK -> new WebhookEmailSender(config.webhookUrl().orElseThrow());
            // Referenced only here: the JVM loads SesEmailSender, and with it the AWS SDK, on first use.
            case SES -> SesEmailSender.create(config.from().orElseThrow());
        };
    }
}
