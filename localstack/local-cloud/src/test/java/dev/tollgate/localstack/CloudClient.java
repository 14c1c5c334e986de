package dev.tollgate.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser stand-in for the ITs: talks to the gateway the way supertokens-web-js does in cookie mode
 * ({@code rid}, {@code fdi-version}, {@code st-auth-mode: cookie}, the site's {@code Origin}) and keeps the
 * cookies it is given, one jar per user.
 */
final class CloudClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final String FDI_VERSION = "3.1,4.0,4.1,4.2";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI api;
    private final String origin;
    final Map<String, String> cookies = new LinkedHashMap<>();

    CloudClient(URI api, URI web) {
        this.api = api;
        this.origin = web.toString();
    }

    HttpResponse<String> signUp(String email, String password) throws Exception {
        String body = JSON.createObjectNode()
                .set(
                        "formFields",
                        JSON.createArrayNode()
                                .add(JSON.createObjectNode().put("id", "email").put("value", email))
                                .add(JSON.createObjectNode()
                                        .put("id", "password")
                                        .put("value", password)))
                .toString();
        return auth("/auth/signup", "emailpassword", body);
    }

    HttpResponse<String> refresh() throws Exception {
        return auth("/auth/session/refresh", "session", "");
    }

    HttpResponse<String> auth(String path, String rid, String body) throws Exception {
        HttpRequest.Builder request = request(path)
                .header("rid", rid)
                .header("fdi-version", FDI_VERSION)
                .header("st-auth-mode", "cookie")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request);
    }

    HttpResponse<String> graphql(String path, String query) throws Exception {
        HttpRequest.Builder request = request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.createObjectNode().put("query", query).toString()));
        return send(request);
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path))
                .timeout(Duration.ofSeconds(60))
                .header("Origin", origin);
        if (!cookies.isEmpty()) {
            request.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String setCookie : response.headers().allValues("Set-Cookie")) {
            String pair = setCookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            boolean expired = value.isEmpty() || setCookie.toLowerCase().contains("expires=thu, 01 jan 1970");
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return response;
    }
}
