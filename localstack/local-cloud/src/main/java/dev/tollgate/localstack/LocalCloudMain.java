package dev.tollgate.localstack;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code tollgate-local}: starts the local cloud, prints one JSON "ready" line and the URL to open on
 * standard output, and runs until Ctrl-C or SIGTERM, which stop every component and function JVM.
 * Exit status 2 for bad arguments, 1 when the cloud cannot start (one line on standard error saying why).
 */
public final class LocalCloudMain {

    private LocalCloudMain() {}

    /** Log lines held for a slow reader of standard error before further lines are dropped (and counted). */
    private static final int LOG_BACKLOG_LINES = 10_000;

    /** How long an exiting process waits for its last log lines to reach a reader that may have gone. */
    private static final Duration LAST_WORDS = Duration.ofSeconds(2);

    public static void main(String[] args) throws InterruptedException {
        // Before anything logs: every component writes to System.err, and none may block on a reader that
        // has stopped reading (standard output only ever carries the two lines below).
        NonBlockingLineStream log =
                new NonBlockingLineStream(new FileOutputStream(FileDescriptor.err), LOG_BACKLOG_LINES, "stderr-drain");
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        LocalCloudOptions options;
        try {
            options = LocalCloudArguments.parse(args, System.getenv());
        } catch (LocalCloudArguments.HelpRequested help) {
            System.out.print(LocalCloudArguments.usage());
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("tollgate-local: " + e.getMessage());
            log.awaitDrained(LAST_WORDS);
            System.exit(2);
            return;
        }
        LocalCloud cloud;
        try {
            cloud = LocalCloud.start(options);
        } catch (LocalCloudException e) {
            System.err.println("tollgate-local: " + e.getMessage());
            log.awaitDrained(LAST_WORDS);
            System.exit(1);
            return;
        }
        // Runs beside the cloud's own hook; close() is idempotent and serialised, so this one returns once
        // everything has stopped and then lets the "stopped" lines out before the JVM halts.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            cloud.close();
                            log.awaitDrained(LAST_WORDS);
                        },
                        "stderr-last-words"));
        System.out.println(cloud.readyJson());
        System.out.println("Tollgate is running: open " + cloud.web() + " (emails arrive at " + cloud.mailbox()
                + "). Ctrl-C stops it.");
        System.out.flush();
        // The cloud's shutdown hook stops everything; this thread only keeps the JVM up until then.
        new CountDownLatch(1).await();
    }
}
