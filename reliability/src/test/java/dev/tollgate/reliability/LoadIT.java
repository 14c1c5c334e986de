package dev.tollgate.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tollgate.localstack.LocalCloud;
import dev.tollgate.localstack.LocalCloudOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The CI-sized load run: a few users with two tabs each, access tokens valid for 3 s so that refreshes
 * (two tabs at once included) happen all through the run, against the whole local cloud with the real
 * function jars. Asserts the invariants only, never a timing: no 5xx, no transport error, no 401 after a
 * refresh, no signed-out user, no other user's data, no acknowledged note lost.
 */
class LoadIT {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    static void requireBuilt() {
        for (String needed : List.of(
                "authorizer/target/authorizer-lambda.jar",
                "auth-api/target/auth-api-lambda.jar",
                "appsync-integration/target/appsync-integration-lambda.jar",
                "demo-web/target/site")) {
            assertTrue(
                    Files.exists(REPO.resolve(needed)),
                    "not built: " + needed
                            + " (run ./mvnw -B -DskipTests package -pl authorizer,auth-api,appsync-integration,demo-web -am)");
        }
    }

    @Test
    void usersRefreshingUnderLoadKeepEveryInvariant() throws Exception {
        requireBuilt();
        try (LocalCloud cloud = LocalCloud.start(LocalCloudOptions.builder(REPO)
                .ephemeralPorts()
                .accessTokenValidity(Duration.ofSeconds(3))
                .build())) {
            LoadRun run = new LoadRun(cloud.api(), cloud.web(), new Recorder(), Duration.ofMillis(100));
            List<VirtualUser> users = run.signUp(3, "ci" + System.nanoTime());
            run.twoTabsRefreshAtOnce(users);
            Duration took = run.mix(users, 2, Duration.ofSeconds(15));
            long acknowledged = run.checkNothingLost(users);
            LoadReport report = new LoadReport(users.size(), 2, took, acknowledged, run.recorder());
            System.out.print(report.render());

            Recorder recorder = run.recorder();
            assertThat(recorder.violations()).as(report.render()).isEmpty();
            assertThat(recorder.count("5")).as(report.render()).isZero();
            assertThat(recorder.count("transport")).as(report.render()).isZero();
            assertThat(recorder.count("200+errors")).as(report.render()).isZero();
            // the run did what it is for: refreshes happened, and notes were written and checked
            assertThat(recorder.statuses(Action.REFRESH).getOrDefault("200", 0L))
                    .isGreaterThan(users.size() * 2L);
            assertThat(acknowledged).isPositive();
        }
    }
}
