package dev.tollgate.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Raw CDI calls to a core (the stand-in or a real one), as supertokens-node's querier makes them (docs/supertokens.md#cdi): JSON
 * bodies, {@code cdi-version: 5.4}, the {@code /public} tenant prefix where node sends it.
 */
public final class CdiCalls {

    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final URI base;
    private final Map<String, String> headers;

    public CdiCalls(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    public CdiCalls(URI base) {
        this(base, Map.of("cdi-version", "5.4"));
    }

    public HttpResponse<String> post(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** POST expecting 200 with a JSON body. */
    public JsonNode postJson(String path, Object body) {
        HttpResponse<String> response = post(path, write(body));
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    public JsonNode signUp(String email, String password) {
        return postJson("/public/recipe/signup", Map.of("email", email, "password", password));
    }

    public JsonNode createSession(String userId, ObjectNode userDataInJWT, boolean antiCsrf) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("userId", userId);
        body.set("userDataInJWT", userDataInJWT);
        body.putObject("userDataInDatabase");
        body.put("useDynamicSigningKey", true);
        body.put("enableAntiCsrf", antiCsrf);
        return postJson("/public/recipe/session", body);
    }

    public JsonNode verify(String accessToken, boolean checkDatabase) {
        return verify(accessToken, checkDatabase, null);
    }

    /** Verify of an anti-csrf session with its check on, without the database. */
    public JsonNode verifyWithAntiCsrf(String accessToken, String antiCsrfToken) {
        return verify(accessToken, false, antiCsrfToken);
    }

    public JsonNode refresh(String refreshToken) {
        return refresh(refreshToken, null);
    }

    /** Refresh of an anti-csrf session, the anti-csrf token sent along. */
    public JsonNode refreshWithAntiCsrf(String refreshToken, String antiCsrfToken) {
        return refresh(refreshToken, antiCsrfToken);
    }

    /** {@code antiCsrfToken} null: anti-csrf off; otherwise on, checked, and this token sent. */
    private JsonNode verify(String accessToken, boolean checkDatabase, String antiCsrfToken) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("accessToken", accessToken);
        body.put("doAntiCsrfCheck", antiCsrfToken != null);
        body.put("enableAntiCsrf", antiCsrfToken != null);
        body.put("checkDatabase", checkDatabase);
        if (antiCsrfToken != null) {
            body.put("antiCsrfToken", antiCsrfToken);
        }
        return postJson("/recipe/session/verify", body);
    }

    private JsonNode refresh(String refreshToken, String antiCsrfToken) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("refreshToken", refreshToken);
        body.put("enableAntiCsrf", antiCsrfToken != null);
        body.put("useDynamicSigningKey", true);
        if (antiCsrfToken != null) {
            body.put("antiCsrfToken", antiCsrfToken);
        }
        return postJson("/recipe/session/refresh", body);
    }

    /** Verifies {@code email} of {@code userId} out of band, as if the user followed the link elsewhere. */
    public void markEmailVerified(String userId, String email) {
        JsonNode token = postJson("/recipe/user/email/verify/token", Map.of("userId", userId, "email", email));
        if (!token.path("status").asText().equals("OK")) {
            throw new AssertionError("the core made no verification token: " + token);
        }
        JsonNode verified = postJson(
                "/recipe/user/email/verify",
                Map.of("method", "token", "token", token.get("token").asText()));
        if (!verified.path("status").asText().equals("OK")) {
            throw new AssertionError("the core did not verify the email: " + verified);
        }
    }

    /** Whether the core still holds the session {@code handle} ({@code GET /recipe/session}). */
    public boolean sessionExists(String handle) {
        String status = getJson("/recipe/session?sessionHandle=" + urlEncode(handle))
                .path("status")
                .asText();
        return status.equals("OK");
    }

    /** The handles of every live session of {@code userId} ({@code GET /recipe/session/user}). */
    public List<String> sessionHandles(String userId) {
        List<String> handles = new ArrayList<>();
        getJson("/recipe/session/user?userId=" + urlEncode(userId))
                .path("sessionHandles")
                .forEach(h -> handles.add(h.asText()));
        return handles;
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String write(Object value) {
        try {
            return value instanceof String text ? text : MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes one segment of a JWT as JSON text (not parsed, so key order can be asserted). */
    public static String segment(String jwt, int index) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
