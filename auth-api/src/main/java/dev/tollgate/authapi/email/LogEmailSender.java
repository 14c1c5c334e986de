package dev.tollgate.authapi.email;

import dev.tollgate.authapi.http.Json;
import java.io.PrintStream;

/**
 * For development: prints the message as one JSON line. The link is the point of this sender, so it
 * is printed, token included; never select it where real users sign up.
 */
public final class LogEmailSender implements EmailSender {

    private final PrintStream out;

    public LogEmailSender(PrintStream out) {
        this.out = out;
    }

    @Override
    public void send(VerificationEmail email) {
        out.println(Json.write(Json.object()
                .put("level", "INFO")
                .put("logger", "auth-api.email")
                .put("event", "verification_email")
                .put("to", email.to())
                .put("subject", email.subject())
                .put("link", email.link())));
    }
}
