package dev.tollgate.appsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** resolvers.yaml, schema.graphql and the handler agree on which fields exist. */
class DefinitionFilesTest {

    private static String resource(String name) throws IOException {
        try (InputStream in = DefinitionFilesTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyWiredFieldIsServedAndEveryServedFieldIsWired() throws IOException {
        String yaml = resource("/stack/resolvers.yaml");
        Matcher m = Pattern.compile("- type: (\\w+)\\s+field: (\\w+)\\s+dataSource: (\\w+)")
                .matcher(yaml);
        List<String> wired = new ArrayList<>();
        while (m.find()) {
            wired.add(m.group(1) + "." + m.group(2));
            assertThat(m.group(3)).isEqualTo("NotesLambda");
        }
        assertThat(wired).containsExactlyInAnyOrderElementsOf(ResolverHandler.FIELDS);
        assertThat(yaml).contains("function: tollgate-resolver").contains("type: AWS_LAMBDA");
    }

    @Test
    void theSchemaDeclaresEveryWiredFieldAndNoAppSyncScalar() throws IOException {
        String schema = resource("/appsync/schema.graphql");
        for (String field : ResolverHandler.FIELDS) {
            String type = field.substring(0, field.indexOf('.'));
            String name = field.substring(field.indexOf('.') + 1);
            // On its own type: a Query field declared under Mutation would never reach the resolver as wired.
            Matcher block = Pattern.compile("\\ntype " + type + " \\{([^}]*)}").matcher(schema);
            assertThat(block.find()).as("type %s", type).isTrue();
            assertThat(block.group(1)).as(field).containsPattern("\\n\\s+" + name + "[(:]");
        }
        assertThat(schema).doesNotContain("scalar AWSDateTime");
    }
}
