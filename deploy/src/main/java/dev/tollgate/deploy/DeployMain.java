package dev.tollgate.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * {@code deploy|destroy} the stack to LocalStack or AWS. Exit codes: 0 done, 1 a step failed (a JSON
 * report names what exists), 2 bad arguments or local inputs (nothing was touched).
 */
public final class DeployMain {

    private DeployMain() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        DeploySettings settings;
        try {
            settings = DeploySettings.parse(args, System.getenv());
        } catch (DeployException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Progress progress = new Progress(System.out);
        try (AwsClients aws = AwsClients.create(settings)) {
            Deployer deployer = new Deployer(settings, aws, progress, Duration.ofSeconds(1), Clock.systemUTC());
            if (settings.action() == DeploySettings.Action.DESTROY) {
                deployer.destroy();
                System.out.println("{\"event\":\"destroyed\",\"prefix\":\"" + settings.prefix() + "\"}");
                return 0;
            }
            Deployer.Outputs out = deployer.deploy();
            var json = new ObjectMapper()
                    .createObjectNode()
                    .put("event", "deployed")
                    .put("web", out.web())
                    .put("api", out.api())
                    .put("appsync", out.appsyncGraphqlUrl());
            System.out.println(json);
            System.out.println("Open " + out.web() + " (API at " + out.api() + ")");
            if (settings.emailFrom().isEmpty()) {
                System.err.println(
                        "note: verification links are written to the auth API's log (no --email-from);"
                                + " anyone who can read that log can verify any address: use --email-from for SES outside development");
            }
            return 0;
        } catch (Progress.StepFailed failed) {
            System.err.println(progress.failureReport(failed));
            return 1;
        } catch (DeployException e) {
            System.err.println(e.getMessage());
            return 2;
        }
    }
}
