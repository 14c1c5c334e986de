package dev.tollgate.authapi.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.config.ConfigException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailConfigTest {

    @Test
    void defaultsToTheLogSender() {
        assertThat(EmailConfig.fromEnvironment(Map.of()).kind()).isEqualTo(EmailConfig.Kind.LOG);
    }

    @Test
    void webhookNeedsAnAbsoluteHttpUrl() {
        assertThat(EmailConfig.fromEnvironment(
                        Map.of("EMAIL_SENDER", "webhook", "EMAIL_WEBHOOK_URL", "http://127.0.0.1:9/messages")))
                .isEqualTo(new EmailConfig(
                        EmailConfig.Kind.WEBHOOK,
                        Optional.of(URI.create("http://127.0.0.1:9/messages")),
                        Optional.empty()));
        assertThatThrownBy(() -> EmailConfig.fromEnvironment(Map.of("EMAIL_SENDER", "webhook")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("EMAIL_WEBHOOK_URL");
        assertThatThrownBy(() -> EmailConfig.fromEnvironment(
                        Map.of("EMAIL_SENDER", "webhook", "EMAIL_WEBHOOK_URL", "file:/etc/passwd")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("http(s)");
    }

    @Test
    void sesNeedsASenderAddress() {
        assertThatThrownBy(() -> EmailConfig.fromEnvironment(Map.of("EMAIL_SENDER", "SES")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("EMAIL_FROM");
        assertThat(EmailConfig.fromEnvironment(Map.of("EMAIL_SENDER", "ses", "EMAIL_FROM", "no-reply@example.com"))
                        .from())
                .contains("no-reply@example.com");
    }

    @Test
    void unknownSenderIsRefusedByName() {
        assertThatThrownBy(() -> EmailConfig.fromEnvironment(Map.of("EMAIL_SENDER", "smtp")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("log, webhook, ses");
    }
}
