package dev.tollgate.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The REST API definition ({@code openapi.yaml}) with its placeholders filled, parsed into a JSON tree.
 * The local gateway interprets the tree; the CDK app puts {@link #toJson()} into the REST API's body (YAML
 * anchors resolved, so no importer has to understand them).
 *
 * @param source   where the text came from, for error messages
 * @param document the parsed OpenAPI document
 */
public record ApiDefinition(String source, JsonNode document) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ApiDefinition {
        if (!(document instanceof ObjectNode)) {
            throw new ApiDefinitionException(source + ": the document is not a YAML mapping");
        }
    }

    /**
     * Reads, fills and parses a definition file.
     *
     * @throws ApiDefinitionException (one line) when the file is missing, unreadable, not UTF-8, has an
     *                                unfilled placeholder, or is not valid YAML
     */
    public static ApiDefinition load(Path file, Map<String, String> placeholderValues) {
        String source = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ApiDefinitionException(source + ": no such file");
        } catch (MalformedInputException e) {
            throw new ApiDefinitionException(source + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ApiDefinitionException(
                    source + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, source, placeholderValues);
    }

    /** Fills and parses definition text; see {@link #load}. */
    public static ApiDefinition parse(String text, String source, Map<String, String> placeholderValues) {
        String filled = Placeholders.fill(text, placeholderValues, source);
        Object yaml;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(source)
                    .setAllowDuplicateKeys(false)
                    .setMaxAliasesForCollections(200)
                    .build();
            yaml = new Load(settings).loadFromString(filled);
        } catch (MarkedYamlEngineException e) {
            throw new ApiDefinitionException(source + ": invalid YAML" + where(e) + ": " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ApiDefinitionException(source + ": invalid YAML: " + e.getMessage());
        }
        if (yaml == null) {
            throw new ApiDefinitionException(source + ": the file is empty");
        }
        JsonNode tree;
        try {
            tree = JSON.valueToTree(yaml);
        } catch (IllegalArgumentException e) {
            throw new ApiDefinitionException(source + ": unsupported YAML value (" + e.getMessage() + ")");
        }
        return new ApiDefinition(source, tree);
    }

    /** The filled definition as compact JSON, the form to import into API Gateway. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serializes", e);
        }
    }

    private static String where(MarkedYamlEngineException e) {
        return e.getProblemMark()
                .map((Mark m) -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                .orElse("");
    }
}
