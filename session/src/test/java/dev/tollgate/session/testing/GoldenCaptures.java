package dev.tollgate.session.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code golden/core-cdi-5.4-responses.md} (a recording of a real core, docs/supertokens.md#golden-captures): each {@code ### METHOD PATH}
 * section with its request JSON (if any), response status and response body.
 */
public final class GoldenCaptures {
    public record Capture(String method, String path, String rid, JsonNode request, int status, String responseBody) {
        /** This capture's status and body, for {@link FakeCore#on(String, String, FakeCore.Answer...)}. */
        public FakeCore.Answer answer() {
            return new FakeCore.Answer(status, responseBody, 0);
        }

        public JsonNode responseJson() {
            try {
                return TokenMinter.MAPPER.readTree(responseBody);
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

    public static List<Capture> core() {
        String text;
        try (InputStream in = GoldenCaptures.class.getResourceAsStream("/golden/core-cdi-5.4-responses.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("golden capture missing", e);
        }
        List<Capture> out = new ArrayList<>();
        Matcher m = SECTION.matcher(text);
        while (m.find()) {
            JsonNode request = null;
            if (m.group(4) != null) {
                try {
                    request = TokenMinter.MAPPER.readTree(m.group(4));
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
