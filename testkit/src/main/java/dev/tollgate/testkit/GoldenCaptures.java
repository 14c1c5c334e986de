package dev.tollgate.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one loader of the golden captures under {@code golden/} of this kit: what a real SuperTokens core
 * 11.4.7 answered at CDI 5.4 ({@link #CORE}), and a supertokens-node 24 backend's sign-up and refresh
 * conversation ({@link #NODE}). {@link #core()} splits the core capture into its {@code ### METHOD PATH}
 * sections, each with its request JSON (if any), response status and response body.
 */
public final class GoldenCaptures {

    public static final String CORE = "core-cdi-5.4-responses.md";
    public static final String NODE = "supertokens-node-fdi-signup-refresh.md";

    public record Capture(String method, String path, String rid, JsonNode request, int status, String responseBody) {
        /** This capture's status and body, for {@link CannedCore#on(String, String, CannedCore.Answer...)}. */
        public CannedCore.Answer answer() {
            return new CannedCore.Answer(status, responseBody, 0);
        }

        public JsonNode responseJson() {
            try {
                return AccessTokens.MAPPER.readTree(responseBody);
            } catch (IOException e) {
                throw new IllegalStateException("golden response is not JSON: " + path, e);
            }
        }
    }

    private static final Pattern SECTION = Pattern.compile(
            "### (GET|POST) (\\S+)\\s+\\(rid: ([^)]*)\\)\\s*\\n(?:\\s*request:\\s*\\n```json\\n(.*?)\\n```\\s*\\n)?"
                    + "\\s*response: HTTP (\\d+)\\s*\\n```json\\n(.*?)\\n```",
            Pattern.DOTALL);

    private GoldenCaptures() {}

    /** The full text of one capture file, {@link #CORE} or {@link #NODE}. */
    public static String text(String name) {
        try (InputStream in = GoldenCaptures.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden capture named " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every section of the core capture, in file order. */
    public static List<Capture> core() {
        List<Capture> out = new ArrayList<>();
        Matcher m = SECTION.matcher(text(CORE));
        while (m.find()) {
            JsonNode request = null;
            if (m.group(4) != null) {
                try {
                    request = AccessTokens.MAPPER.readTree(m.group(4));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            out.add(new Capture(
                    m.group(1),
                    m.group(2),
                    m.group(3).trim(),
                    request,
                    Integer.parseInt(m.group(5)),
                    m.group(6).strip()));
        }
        return out;
    }

    /**
     * Every field of a JSON document as a path ({@code user.loginMethods[0].email}) in document order, so
     * that one list comparison checks the field names and their order at every level.
     */
    public static List<String> fieldPaths(JsonNode json) {
        List<String> paths = new ArrayList<>();
        addFieldPaths(json, "", paths);
        return paths;
    }

    private static void addFieldPaths(JsonNode json, String prefix, List<String> paths) {
        if (json.isObject()) {
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                paths.add(path);
                addFieldPaths(field.getValue(), path, paths);
            }
        } else if (json.isArray()) {
            for (int i = 0; i < json.size(); i++) {
                addFieldPaths(json.get(i), prefix + "[" + i + "]", paths);
            }
        }
    }

    /** The n-th (0-based) capture for that method and path. */
    public static Capture find(String method, String path, int n) {
        int i = 0;
        for (Capture c : core()) {
            if (c.method().equals(method) && c.path().equals(path)) {
                if (i++ == n) {
                    return c;
                }
            }
        }
        throw new IllegalArgumentException("no golden capture " + method + " " + path + " #" + n);
    }
}
