package dev.tollgate.authapi.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The message that carries an email-verification link; the same content for every sender. */
public record VerificationEmail(String to, String subject, String text, String link) {

    /** The page of the demo web site that completes the verification (supertokens-node's default path). */
    static final String VERIFY_PAGE = "/auth/verify-email";

    public static VerificationEmail forToken(String to, String websiteOrigin, String token) {
        String link = websiteOrigin + VERIFY_PAGE + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + "&tenantId=public";
        return new VerificationEmail(
                to,
                "Verify your email address",
                "Please verify your email address by opening this link: " + link
                        + "\n\nIf you did not sign up, you can ignore this message.",
                link);
    }
}
