package dev.tollgate.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploySettingsTest {

    @TempDir
    Path repo;

    @org.junit.jupiter.api.BeforeEach
    void writeRepository() throws IOException {
        StackFixture.write(repo);
    }

    private List<String> args(String... more) {
        List<String> all = new ArrayList<>(List.of(more));
        all.addAll(List.of("--repo-root", repo.toString()));
        return all;
    }

    @Test
    void localStackIsTheDefaultTargetWithItsEdgeEndpointAndTheCoreFromTheEnvironment() throws IOException {
        DeploySettings s =
                DeploySettings.parse(args("deploy"), Map.of("SUPERTOKENS_CONNECTION_URI", "http://core:3567"));
        assertThat(s.action()).isEqualTo(DeploySettings.Action.DEPLOY);
        assertThat(s.target()).isEqualTo(DeploySettings.Target.LOCALSTACK);
        assertThat(s.endpoint()).contains(URI.create("http://localhost:4566"));
        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(s.prefix()).isEqualTo("tollgate");
        assertThat(s.stage()).isEqualTo("dev");
        assertThat(s.lambdaRuntime()).isEqualTo("java21");
        assertThat(s.coreUri()).isEqualTo("http://core:3567");
    }

    @Test
    void awsUsesNoEndpointOverride() throws IOException {
        DeploySettings s = DeploySettings.parse(
                args(
                        "destroy",
                        "--target",
                        "aws",
                        "--region",
                        "eu-west-1",
                        "--supertokens-uri",
                        "https://core.example.com"),
                Map.of());
        assertThat(s.action()).isEqualTo(DeploySettings.Action.DESTROY);
        assertThat(s.endpoint()).isEmpty();
        assertThat(s.region()).isEqualTo("eu-west-1");
    }

    @Test
    void badInputIsRejectedWithTheFlagNamed() throws IOException {
        Map<String, String> env = Map.of("SUPERTOKENS_CONNECTION_URI", "http://core:3567");
        assertThatThrownBy(() -> DeploySettings.parse(args("launch"), env)).hasMessageStartingWith("usage:");
        assertThatThrownBy(() -> DeploySettings.parse(args("deploy", "--colour", "red"), env))
                .hasMessageContaining("unknown flag --colour");
        assertThatThrownBy(() -> DeploySettings.parse(args("deploy", "--target", "azure"), env))
                .hasMessageContaining("--target must be");
        assertThatThrownBy(() -> DeploySettings.parse(args("deploy", "--prefix", "Bad_Prefix"), env))
                .hasMessageContaining("--prefix");
        assertThatThrownBy(() -> DeploySettings.parse(args("deploy", "--stage", "a/b"), env))
                .hasMessageContaining("--stage");
        assertThatThrownBy(() -> DeploySettings.parse(args("deploy", "--region", "moon"), env))
                .hasMessageContaining("--region");
        assertThatThrownBy(() -> DeploySettings.parse(args("deploy", "--endpoint", "ftp://x"), env))
                .hasMessageContaining("--endpoint");
        assertThatThrownBy(() -> DeploySettings.parse(args("deploy"), Map.of()))
                .hasMessageContaining("--supertokens-uri");
        assertThatThrownBy(() -> DeploySettings.parse(args("deploy", "--email-from", "not-an-address"), env))
                .hasMessageContaining("--email-from");
        assertThatThrownBy(() -> DeploySettings.parse(
                        List.of("deploy", "--repo-root", repo.resolve("nowhere").toString()), env))
                .hasMessageContaining("is not a Tollgate checkout");
    }

    @Test
    void theCommandExitsWithTwoOnBadArgumentsAndTouchesNothing() {
        assertThat(DeployMain.run(List.of())).isEqualTo(2);
        assertThat(DeployMain.run(List.of("deploy", "--target"))).isEqualTo(2);
    }
}
