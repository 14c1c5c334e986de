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
        JsonNode template = synthesize(Map.of(InfraSettings.ARCHITECTURE, "arm64", InfraSettings.TARGET, "localstack"));

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

    @Test
    void onlyTheAuthorizerShipsAnotherJarForArm64() {
        // Its jar bundles the native RSA library of its architecture; the other two are pure Java.
        Map<String, String> x86 = codeByHandler(synthesize(Map.of()));
        Map<String, String> arm64 = codeByHandler(synthesize(Map.of(InfraSettings.ARCHITECTURE, "arm64")));

        assertThat(arm64.keySet()).hasSize(3).isEqualTo(x86.keySet());
        x86.forEach((handler, code) -> {
            if (handler.startsWith("dev.tollgate.authorizer.")) {
                assertThat(arm64.get(handler)).as(handler).isNotEqualTo(code);
            } else {
                assertThat(arm64.get(handler)).as(handler).isEqualTo(code);
            }
        });
    }

    /** The asset key of each function's code (a hash of the jar), by handler. */
    private static Map<String, String> codeByHandler(JsonNode template) {
        Map<String, String> code = new HashMap<>();
        for (JsonNode resource : template.path("Resources")) {
            JsonNode properties = resource.path("Properties");
            if (resource.path("Type").asText().equals("AWS::Lambda::Function")
                    && properties.path("Handler").asText().startsWith("dev.tollgate.")) {
                code.put(
                        properties.path("Handler").asText(),
                        properties.path("Code").path("S3Key").asText());
            }
        }
        return code;
    }

    private static JsonNode synthesize(Map<String, String> values) {
        Map<String, Object> context = new HashMap<>(values);
        context.put(InfraSettings.REPO_ROOT, REPO);
        App app = new App(AppProps.builder().context(context).build());
        InfraSettings settings = InfraSettings.from(key -> app.getNode().tryGetContext(key));
        TollgateStack stack = new TollgateStack(
                app, "tollgate", StackProps.builder().stackName("tollgate").build(), settings);
        return new ObjectMapper().valueToTree(Template.fromStack(stack).toJSON());
    }

    private static InfraSettings settings(Map<String, String> values) {
        Map<String, String> context = new HashMap<>(values);
        context.putIfAbsent(InfraSettings.REPO_ROOT, REPO);
        return InfraSettings.from(context::get);
    }
}
