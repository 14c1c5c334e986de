package dev.tollgate.authapi.email;

import dev.tollgate.authapi.log.RequestLog;
import dev.tollgate.log.JsonLog;
import dev.tollgate.log.Level;
import java.io.PrintStream;

/**
 * For development: prints the message as one JSON line. The link is the point of this sender, so it
 * is printed, token included; never select it where real users sign up.
 */
public final class LogEmailSender implements EmailSender {

    private final JsonLog log;

    /**
     * The line is this sender's delivery, not a diagnostic, so it is written whatever {@code LOG_LEVEL}
     * says.
     */
    public LogEmailSender(PrintStream out) {
        this.log = JsonLog.to(out, RequestLog.COMPONENT, Level.DEBUG);
    }

    @Override
    public void send(VerificationEmail email) {
        log.line(Level.INFO, "verification_email")
                .field("to", email.to())
                .field("subject", email.subject())
                .field("link", email.link())
                .write();
    }
}
