package dev.tollgate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalCloudArgumentsTest {

    @Test
    void defaultsAreTheDemoPorts() throws Exception {
        LocalCloudOptions options = LocalCloudArguments.parse(new String[0], Map.of());

        assertThat(options.webPort()).isEqualTo(3000);
        assertThat(options.apiPort()).isEqualTo(4000);
        assertThat(options.appsyncPort()).isEqualTo(4001);
        assertThat(options.mailboxPort()).isEqualTo(4002);
        assertThat(options.corePort()).isEqualTo(3567);
        assertThat(options.dynamodbPort()).isEqualTo(8000);
        assertThat(options.accessTokenValidity()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.coreUri()).isEmpty();
        assertThat(options.prewarm()).isTrue();
        assertThat(options.repoRoot()).isEqualTo(Path.of(".").toAbsolutePath().normalize());
    }

    @Test
    void flagsOverrideEnvironmentWhichOverridesDefaults() throws Exception {
        Map<String, String> env = Map.of(
                "TOLLGATE_WEB_PORT",
                "3100",
                "TOLLGATE_API_PORT",
                "4100",
                "TOLLGATE_ACCESS_TOKEN_VALIDITY",
                "5",
                "SUPERTOKENS_CONNECTION_URI",
                "http://core.example:3567",
                "SUPERTOKENS_API_KEY",
                "key-from-env");

        LocalCloudOptions options = LocalCloudArguments.parse(
                new String[] {
                    "--web-port", "0", "--mailbox-port=4200", "--core-api-key", "flag-key", "--prewarm", "false"
                },
                env);

        assertThat(options.webPort()).isZero();
        assertThat(options.apiPort()).isEqualTo(4100);
        assertThat(options.mailboxPort()).isEqualTo(4200);
        assertThat(options.accessTokenValidity()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.coreUri()).contains(URI.create("http://core.example:3567"));
        assertThat(options.coreApiKey()).isEqualTo(Optional.of("flag-key"));
        assertThat(options.prewarm()).isFalse();
    }

    @Test
    void badValuesNameTheirSource() {
        assertThatThrownBy(() -> LocalCloudArguments.parse(new String[] {"--api-port", "70000"}, Map.of()))
                .hasMessage("--api-port must be a whole number from 0 to 65535, was '70000'");
        assertThatThrownBy(() -> LocalCloudArguments.parse(new String[0], Map.of("TOLLGATE_CORE_PORT", "x")))
                .hasMessage("TOLLGATE_CORE_PORT must be a whole number from 0 to 65535, was 'x'");
        assertThatThrownBy(() -> LocalCloudArguments.parse(new String[] {"--access-token-validity", "0"}, Map.of()))
                .hasMessageStartingWith("--access-token-validity must be a whole number from 1");
        assertThatThrownBy(() -> LocalCloudArguments.parse(new String[] {"--core-uri", "ftp://x"}, Map.of()))
                .hasMessage("--core-uri must be an http(s) URL, was 'ftp://x'");
        assertThatThrownBy(() -> LocalCloudArguments.parse(
                        new String[0], Map.of("SUPERTOKENS_CONNECTION_URI", "http://a:1,http://b:2")))
                .hasMessageContaining("SUPERTOKENS_CONNECTION_URI: the local cloud uses one core");
        assertThatThrownBy(() -> LocalCloudArguments.parse(new String[] {"--bogus", "1"}, Map.of()))
                .hasMessage("Unknown options: '--bogus', '1' (see --help)");
        assertThatThrownBy(() -> LocalCloudArguments.parse(new String[0], Map.of("TOLLGATE_PREWARM", "yes")))
                .hasMessage("TOLLGATE_PREWARM must be true or false, was 'yes'");
        assertThatThrownBy(() -> LocalCloudArguments.parse(new String[] {"--web-port"}, Map.of()))
                .hasMessage("Missing required parameter for option '--web-port' (N) (see --help)");
    }

    @Test
    void bothSpellingsOfAValueWorkAndTheLastRepeatWins() throws Exception {
        LocalCloudOptions options = LocalCloudArguments.parse(
                new String[] {"--repo-root", "/tmp", "--api-port=0", "--core-port", "0", "--repo-root=/srv"}, Map.of());

        assertThat(options.apiPort()).isZero();
        assertThat(options.corePort()).isZero();
        assertThat(options.repoRoot()).isEqualTo(Path.of("/srv"));
    }

    @Test
    void helpIsRecognised() {
        assertThatThrownBy(() -> LocalCloudArguments.parse(new String[] {"--help"}, Map.of()))
                .isInstanceOf(LocalCloudArguments.HelpRequested.class);
        assertThatThrownBy(() -> LocalCloudArguments.parse(new String[] {"--web-port", "1", "-h"}, Map.of()))
                .isInstanceOf(LocalCloudArguments.HelpRequested.class);
    }

    @Test
    void helpListsEveryFlagWithItsVariableAndDefault() {
        // picocli wraps long descriptions; the words are what matters
        String usage = LocalCloudArguments.usage().replaceAll("\\s+", " ");

        assertThat(usage)
                .startsWith("Usage: tollgate-local")
                .contains(
                        "--web-port=N",
                        "TOLLGATE_WEB_PORT, default 3000",
                        "--api-port=N",
                        "TOLLGATE_API_PORT, default 4000",
                        "--appsync-port=N",
                        "TOLLGATE_APPSYNC_PORT, default 4001",
                        "--mailbox-port=N",
                        "TOLLGATE_MAILBOX_PORT, default 4002",
                        "--core-port=N",
                        "TOLLGATE_CORE_PORT, default 3567",
                        "--dynamodb-port=N",
                        "TOLLGATE_DYNAMODB_PORT, default 8000",
                        "--access-token-validity=S",
                        "TOLLGATE_ACCESS_TOKEN_VALIDITY, default 60",
                        "--core-uri=URL",
                        "SUPERTOKENS_CONNECTION_URI",
                        "--core-api-key=KEY",
                        "SUPERTOKENS_API_KEY",
                        "--prewarm=true|false",
                        "TOLLGATE_PREWARM, default true",
                        "--repo-root=DIR",
                        "TOLLGATE_REPO_ROOT, default .",
                        "--help");
    }
}
