package dev.tollgate.stack;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the {@code ${Name}} placeholders of the API definition (the same syntax CloudFormation's
 * {@code Fn::Sub} uses, so the text can go to either). Values are inserted into quoted
 * YAML strings, so characters that could end the string or start a new placeholder are refused rather
 * than escaped: no deployable ARN, URL, API key or origin contains them.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
    private static final Pattern UNSAFE_VALUE = Pattern.compile("['\"\\\\\\p{Cntrl}]|\\$\\{");

    private Placeholders() {}

    /** The placeholder names used in {@code text}, in order of first appearance. */
    public static Set<String> namesIn(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Replaces every placeholder of {@code text} by its value.
     *
     * @param source names the text in error messages
     * @throws ApiDefinitionException naming the first placeholder without a usable value
     */
    public static String fill(String text, Map<String, String> values, String source) {
        for (String name : namesIn(text)) {
            String value = values.get(name);
            if (value == null) {
                throw new ApiDefinitionException(source + ": placeholder ${" + name + "} has no value");
            }
            if (value.isBlank()) {
                throw new ApiDefinitionException(source + ": placeholder ${" + name + "} is empty");
            }
            if (UNSAFE_VALUE.matcher(value).find()) {
                throw new ApiDefinitionException(source + ": placeholder ${" + name
                        + "} has a value with a quote, backslash, control character or '${'");
            }
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        int open = out.indexOf("${");
        if (open >= 0) {
            int end = Math.min(out.length(), open + 40);
            throw new ApiDefinitionException(source + ": malformed placeholder near '"
                    + out.substring(open, end).replaceAll("\\s+", " ") + "'");
        }
        return out.toString();
    }
}
