package dev.tollgate.localstack.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.Map;

/** Raw HTTP calls to the stand-in, as supertokens-node's querier makes them (docs/supertokens.md#cdi). */
final class CoreCalls {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final URI base;
    private final Map<String, String> headers;

    CoreCalls(URI base, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
    }

    CoreCalls(URI base) {
        this(base, Map.of("cdi-version", "5.4"));
    }

    HttpResponse<String> post(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("content-type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    HttpResponse<String> get(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    /** POST expecting 200 with a JSON body. */
    JsonNode postJson(String path, Object body) {
        HttpResponse<String> response = post(path, write(body));
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    JsonNode getJson(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return read(response.body());
    }

    JsonNode signUp(String email, String password) {
        return postJson("/public/recipe/signup", Map.of("email", email, "password", password));
    }

    JsonNode createSession(String userId, ObjectNode userDataInJWT, boolean antiCsrf) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("userId", userId);
        body.set("userDataInJWT", userDataInJWT);
        body.putObject("userDataInDatabase");
        body.put("useDynamicSigningKey", true);
        body.put("enableAntiCsrf", antiCsrf);
        return postJson("/public/recipe/session", body);
    }

    JsonNode verify(String accessToken, boolean checkDatabase) {
        return postJson(
                "/recipe/session/verify",
                Map.of(
                        "accessToken",
                        accessToken,
                        "doAntiCsrfCheck",
                        false,
                        "enableAntiCsrf",
                        false,
                        "checkDatabase",
                        checkDatabase));
    }

    /** Verify of an anti-csrf session with its check on, without the database. */
    JsonNode verifyWithAntiCsrf(String accessToken, String antiCsrfToken) {
        return postJson(
                "/recipe/session/verify",
                Map.of(
                        "accessToken",
                        accessToken,
                        "doAntiCsrfCheck",
                        true,
                        "enableAntiCsrf",
                        true,
                        "checkDatabase",
                        false,
                        "antiCsrfToken",
                        antiCsrfToken));
    }

    /** Refresh of an anti-csrf session, the anti-csrf token sent along. */
    JsonNode refreshWithAntiCsrf(String refreshToken, String antiCsrfToken) {
        return postJson(
                "/recipe/session/refresh",
                Map.of(
                        "refreshToken",
                        refreshToken,
                        "enableAntiCsrf",
                        true,
                        "useDynamicSigningKey",
                        true,
                        "antiCsrfToken",
                        antiCsrfToken));
    }

    JsonNode refresh(String refreshToken) {
        return postJson(
                "/recipe/session/refresh",
                Map.of("refreshToken", refreshToken, "enableAntiCsrf", false, "useDynamicSigningKey", true));
    }

    static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String write(Object value) {
        try {
            return value instanceof String text ? text : MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes one segment of a JWT as JSON text (not parsed, so key order can be asserted). */
    static String segment(String jwt, int index) {
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
