package dev.tollgate.localstack;

import java.util.concurrent.CountDownLatch;

/**
 * {@code tollgate-local}: starts the local cloud, prints one JSON "ready" line and the URL to open on
 * standard output, and runs until Ctrl-C or SIGTERM, which stop every component and function JVM.
 * Exit status 2 for bad arguments, 1 when the cloud cannot start (one line on standard error saying why).
 */
public final class LocalCloudMain {

    private LocalCloudMain() {}

    public static void main(String[] args) throws InterruptedException {
        LocalCloudOptions options;
        try {
            options = LocalCloudArguments.parse(args, System.getenv());
        } catch (LocalCloudArguments.HelpRequested help) {
            System.out.print(LocalCloudArguments.usage());
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("tollgate-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalCloud cloud;
        try {
            cloud = LocalCloud.start(options);
        } catch (LocalCloudException e) {
            System.err.println("tollgate-local: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(cloud.readyJson());
        System.out.println("Tollgate is running: open " + cloud.web() + " (emails arrive at " + cloud.mailbox()
                + "). Ctrl-C stops it.");
        System.out.flush();
        // The cloud's shutdown hook stops everything; this thread only keeps the JVM up until then.
        new CountDownLatch(1).await();
    }
}
