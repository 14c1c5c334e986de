package dev.tollgate.infra;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.stack.ApiDefinition;
import dev.tollgate.stack.Placeholders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code openapi.yaml} as the body of a CloudFormation REST API. Its placeholders stand for values that
 * exist only at deploy time (function ARNs, the AppSync URL and key), so each is first filled with an
 * inert marker, the YAML is parsed and its anchors resolved by the stack module's loader, and the
 * markers are then swapped for CDK tokens, which synthesis turns into {@code Fn::Join}s.
 */
final class OpenApiBody {

    private static final String MARKER_PREFIX = "tollgate-placeholder-";
    private static final String MARKER_SUFFIX = "-end";

    private OpenApiBody() {}

    /**
     * @param values a token (or plain string) for every placeholder the file uses
     * @throws IllegalArgumentException naming a placeholder without a value
     */
    static Map<String, Object> load(Path file, Map<String, String> values) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Map<String, String> markers = new LinkedHashMap<>();
        for (String name : Placeholders.namesIn(text)) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException(file + ": placeholder ${" + name + "} has no value in the CDK app");
            }
            markers.put(name, MARKER_PREFIX + name + MARKER_SUFFIX);
        }
        JsonNode tree = ApiDefinition.parse(text, file.toString(), markers).document();
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) toJava(tree, values);
        return body;
    }

    private static Object toJava(JsonNode node, Map<String, String> values) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toJava(e.getValue(), values)));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(toJava(element, values)));
            return list;
        }
        if (node.isTextual()) {
            String s = node.asText();
            for (Map.Entry<String, String> e : values.entrySet()) {
                s = s.replace(MARKER_PREFIX + e.getKey() + MARKER_SUFFIX, e.getValue());
            }
            return s;
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        return null;
    }
}
