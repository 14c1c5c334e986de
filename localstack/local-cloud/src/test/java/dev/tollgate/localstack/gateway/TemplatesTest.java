package dev.tollgate.localstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gateway-response templates are plain substitution, not VTL (docs/aws.md#gateway-templates). */
class TemplatesTest {

    @Test
    void substitutesContextVariablesAndLeavesEverythingElse() {
        Map<String, String> context = Map.of("authorizer.body", "{\"a\":1}", "error.messageString", "\"Unauthorized\"");
        assertThat(Templates.render("$context.authorizer.body", context)).isEqualTo("{\"a\":1}");
        assertThat(Templates.render("{\"message\":$context.error.messageString}", context))
                .isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(Templates.render("#if($x) $util.escapeJavaScript($y) #end $input.body", context))
                .as("no VTL: directives and other roots stay as written")
                .isEqualTo("#if($x) $util.escapeJavaScript($y) #end $input.body");
        assertThat(Templates.render("[$context.authorizer.missing][$stageVariables.x]", context))
                .isEqualTo("[][]");
        assertThat(Templates.render("$context.authorizer.body.", context)).isEqualTo("{\"a\":1}.");
    }

    @Test
    void choosesByAcceptThenJsonThenFirst() {
        Map<String, String> templates = Map.of("application/json", "j", "text/html", "h");
        assertThat(Templates.choose(templates, List.of("text/html;q=0.9, */*")))
                .get()
                .isEqualTo(Map.entry("text/html", "h"));
        assertThat(Templates.choose(templates, List.of("application/xml")))
                .get()
                .isEqualTo(Map.entry("application/json", "j"));
        assertThat(Templates.choose(Map.of("text/plain", "p"), null)).get().isEqualTo(Map.entry("text/plain", "p"));
        assertThat(Templates.choose(Map.of(), null)).isEmpty();
    }
}
