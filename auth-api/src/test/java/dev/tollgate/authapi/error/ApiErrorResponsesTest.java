package dev.tollgate.authapi.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.session.core.CoreUnreachableException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ApiErrorResponsesTest {

    @Test
    void theLogDescriptionKeepsTheCoreClientsSafeMessage() {
        String line = ApiErrorResponses.describe(new ApiException.CoreFailure(
                "sign in",
                new CoreUnreachableException("no core reachable for /recipe/signin: http://core:3567 timed out;")));

        assertThat(line)
                .isEqualTo("The SuperTokens core failed: sign in (CoreUnreachableException: "
                        + "no core reachable for /recipe/signin: http://core:3567 timed out;)");
    }

    @Test
    void theLogDescriptionNamesOnlyTheTypeOfAForeignCause() {
        // What SES answers in its sandbox: the rejected recipient, verbatim.
        RuntimeException ses = new IllegalStateException("Email address is not verified. The following identities "
                + "failed the check in region US-EAST-1: alice@example.com");
        IOException webhook = new IOException("POST https://hooks.example.com/mail?secret=s3cr3t failed");

        String sesLine = ApiErrorResponses.describe(new ApiException.EmailDeliveryFailure("SES refused", ses));
        String webhookLine = ApiErrorResponses.describe(new ApiException.EmailDeliveryFailure("webhook down", webhook));

        assertThat(sesLine).isEqualTo("Sending the verification email failed: SES refused (IllegalStateException)");
        assertThat(webhookLine)
                .isEqualTo("Sending the verification email failed: webhook down (IOException)")
                .doesNotContain("s3cr3t");
    }
}
