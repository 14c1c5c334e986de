package dev.tollgate.localstack.gateway;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gateway-response templates: not VTL, plain substitution of {@code $context.*} and
 * {@code $stageVariables.*} (docs/aws.md#gateway-templates). A variable without a value renders as the empty
 * string; anything else (including {@code #} directives) is copied as written.
 */
final class Templates {

    private static final Pattern VARIABLE = Pattern.compile("\\$(context|stageVariables)((?:\\.[A-Za-z0-9_]+)+)");

    private Templates() {}

    static String render(String template, Map<String, String> context) {
        Matcher m = VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        while (m.find()) {
            String value = m.group(1).equals("context") ? context.get(m.group(2).substring(1)) : null;
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Picks the template for the client's {@code Accept} (an exact media type listed there), else
     * {@code application/json}, else the first one (docs/aws.md#integration-responses).
     */
    static Optional<Map.Entry<String, String>> choose(Map<String, String> templates, List<String> accept) {
        if (templates.isEmpty()) {
            return Optional.empty();
        }
        if (accept != null) {
            for (String header : accept) {
                for (String part : header.split(",")) {
                    String type = part.split(";")[0].strip();
                    if (templates.containsKey(type)) {
                        return Optional.of(Map.entry(type, templates.get(type)));
                    }
                }
            }
        }
        if (templates.containsKey("application/json")) {
            return Optional.of(Map.entry("application/json", templates.get("application/json")));
        }
        String first = templates.keySet().stream().sorted().findFirst().orElseThrow();
        return Optional.of(Map.entry(first, templates.get(first)));
    }
}
