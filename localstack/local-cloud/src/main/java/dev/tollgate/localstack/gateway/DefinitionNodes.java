package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.stack.ApiDefinitionException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Typed reads of the definition tree, each failing with a one-line error that names file and place. */
final class DefinitionNodes {

    /** {@code arn:aws:apigateway:<region>:lambda:path/2015-03-31/functions/<function ARN>/invocations}. */
    static final Pattern LAMBDA_URI = Pattern.compile("arn:aws:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/"
            + "(arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?)/invocations");

    private final String source;

    DefinitionNodes(String source) {
        this.source = source;
    }

    void requireLiteral(String template, String where) {
        if (template.contains("$") || template.contains("#")) {
            throw fail(where, "VTL templates are not supported by the local gateway (only literal bodies)");
        }
    }

    Map<String, String> strings(JsonNode node, String where) {
        Map<String, String> result = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            throw fail(where, "expected a mapping");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isTextual()) {
                throw fail(where + "." + e.getKey(), "expected a string");
            }
            result.put(e.getKey(), e.getValue().asText());
        }
        return result;
    }

    JsonNode object(JsonNode parent, String key, String where) {
        JsonNode node = parent.path(key);
        if (!node.isObject()) {
            throw fail(where.isEmpty() ? key : where + "." + key, "expected a mapping");
        }
        return node;
    }

    int parseInt(JsonNode node, String where) {
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,9}")) {
            return Integer.parseInt(node.asText());
        }
        throw fail(where, "expected an integer");
    }

    ApiDefinitionException fail(String where, String problem) {
        return new ApiDefinitionException(source + (where.isEmpty() ? "" : ": " + where) + ": " + problem);
    }
}
