package dev.tollgate.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

/** The CDK context a team passes with {@code -c}: each bad value is named; arm64 and LocalStack synthesise. */
class InfraSettingsTest {

    private static final String REPO = Path.of("..").toString();

    @Test
    void defaultsAreAwsOnX86WithACoreApiKeyAndTheDistributionAsTheSite() {
        InfraSettings settings = settings(Map.of());
        assertThat(settings.target()).isEqualTo(InfraSettings.Target.AWS);
        assertThat(settings.architecture()).isEqualTo(InfraSettings.Arch.X86_64);
        assertThat(settings.coreHasApiKey()).isTrue();
        assertThat(settings.siteOrigin()).isEmpty();
    }

    @Test
    void everyBadValueIsNamedWithWhatTheKeyAccepts() {
        assertThatThrownBy(() -> settings(Map.of(InfraSettings.TARGET, "gcp")))
                .hasMessage("tollgate:target must be aws or localstack");
        assertThatThrownBy(() -> settings(Map.of(InfraSettings.ARCHITECTURE, "riscv64")))
                .hasMessage("tollgate:architecture must be x86_64 or arm64");
        assertThatThrownBy(() -> settings(Map.of(InfraSettings.CORE_HAS_API_KEY, "maybe")))
                .hasMessage("tollgate:coreHasApiKey must be true or false");
        assertThatThrownBy(() -> settings(Map.of(InfraSettings.SITE_ORIGIN, "http://app.example.com")))
                .hasMessageStartingWith("tollgate:siteOrigin must be an https origin");
        assertThatThrownBy(() -> settings(Map.of(InfraSettings.SITE_ORIGIN, "https://app.example.com/path")))
                .hasMessageStartingWith("tollgate:siteOrigin must be an https origin");
        assertThatThrownBy(() -> settings(Map.of(InfraSettings.LOCALSTACK_EDGE, "no port")))
                .hasMessageStartingWith("tollgate:localStackEdge must be host:port");
        assertThatThrownBy(() -> settings(Map.of(InfraSettings.TARGET, " "))).hasMessage("tollgate:target is empty");
    }

    @Test
    void aFolderThatIsNotACheckoutIsRefused(@TempDir Path empty) {
        assertThatThrownBy(
                        () -> InfraSettings.from(key -> key.equals(InfraSettings.REPO_ROOT) ? empty.toString() : null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a Tollgate checkout");
    }

    @Test
    void arm64OnLocalStackPutsEveryFunctionOnArm64AndHasNoDistribution() {
        Map<String, Object> context = new HashMap<>();
        context.put(InfraSettings.REPO_ROOT, REPO);
        context.put(InfraSettings.ARCHITECTURE, "arm64");
        context.put(InfraSettings.TARGET, "localstack");
        App app = new App(AppProps.builder().context(context).build());
        InfraSettings settings = InfraSettings.from(key -> app.getNode().tryGetContext(key));
        TollgateStack stack = new TollgateStack(
                app, "tollgate", StackProps.builder().stackName("tollgate").build(), settings);
        JsonNode template =
                new ObjectMapper().valueToTree(Template.fromStack(stack).toJSON());

        int functions = 0;
        for (JsonNode resource : template.path("Resources")) {
            if (resource.path("Type").asText().equals("AWS::Lambda::Function")
                    && resource.path("Properties").has("Handler")
                    && resource.path("Properties").path("Handler").asText().startsWith("dev.tollgate.")) {
                assertThat(resource.path("Properties").path("Architectures").toString())
                        .isEqualTo("[\"arm64\"]");
                functions++;
            }
            assertThat(resource.path("Type").asText()).isNotEqualTo("AWS::CloudFront::Distribution");
        }
        assertThat(functions).isEqualTo(3);
    }

    private static InfraSettings settings(Map<String, String> values) {
        Map<String, String> context = new HashMap<>(values);
        context.putIfAbsent(InfraSettings.REPO_ROOT, REPO);
        return InfraSettings.from(context::get);
    }
}
