package dev.tollgate.localstack.mailbox;

import java.time.Instant;

/**
 * One email the auth API sent through its webhook sender.
 *
 * @param type the webhook's {@code type}, e.g. {@code EMAIL_VERIFICATION}
 * @param link the link in the email, if any (a verification link carries a one-time token)
 */
public record Message(
        String id, Instant receivedAt, String type, String to, String subject, String text, String link) {}
