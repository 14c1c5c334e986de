package dev.tollgate.reliability;

import dev.tollgate.localstack.LocalCloud;
import dev.tollgate.localstack.LocalCloudOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The long load run: starts the local cloud on free loopback ports with a short access-token validity,
 * signs up {@code --users} users, makes two tabs of each refresh at once, runs the call mix with
 * {@code --tabs} tabs per user for {@code --seconds}, checks that no acknowledged note was lost, and
 * prints the report. Exit status 0 when every invariant held, 1 when one did not, 2 for a bad flag.
 */
public final class LoadMain {

    private LoadMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> flags;
        try {
            flags = flags(args);
        } catch (IllegalArgumentException e) {
            System.err.println("load: " + e.getMessage());
            System.exit(2);
            return;
        }
        int users = intFlag(flags, "users", 20, 1, 1000);
        int tabs = intFlag(flags, "tabs", 2, 1, 8);
        int seconds = intFlag(flags, "seconds", 60, 1, 86_400);
        int validity = intFlag(flags, "access-token-validity", 5, 1, 3600);
        Path repo = Path.of(flags.getOrDefault("repo-root", "."));
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.builder(repo)
                .ephemeralPorts()
                .accessTokenValidity(Duration.ofSeconds(validity))
                .build())) {
            LoadRun run = new LoadRun(cloud.api(), cloud.web(), new Recorder());
            List<VirtualUser> signedUp = run.signUp(users, Long.toString(System.currentTimeMillis(), 36));
            run.twoTabsRefreshAtOnce(signedUp);
            Duration took = run.mix(signedUp, tabs, Duration.ofSeconds(seconds));
            long acknowledged = run.checkNothingLost(signedUp);
            LoadReport report = new LoadReport(users, tabs, took, acknowledged, run.recorder());
            System.out.print(report.render());
            boolean held = run.recorder().violationCount() == 0
                    && run.recorder().count("5") == 0
                    && run.recorder().count("transport") == 0;
            System.out.println(held ? "invariants: held" : "invariants: VIOLATED");
            System.out.flush();
            if (!held) {
                System.exit(1);
            }
        }
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                flags.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                flags.put(arg.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        for (String name : flags.keySet()) {
            if (!List.of("users", "tabs", "seconds", "access-token-validity", "repo-root")
                    .contains(name)) {
                throw new IllegalArgumentException("unknown flag --" + name
                        + " (known: --users, --tabs, --seconds, --access-token-validity, --repo-root)");
            }
        }
        return flags;
    }

    private static int intFlag(Map<String, String> flags, String name, int fallback, int min, int max) {
        String value = flags.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        System.err.println("load: --" + name + " must be an integer from " + min + " to " + max + ", was " + value);
        System.exit(2);
        return fallback;
    }
}
