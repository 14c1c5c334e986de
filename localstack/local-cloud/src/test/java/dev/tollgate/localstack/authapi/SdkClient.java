package dev.tollgate.localstack.authapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plays the browser plus supertokens-web-js against the function: sends the headers the SDK sends
 * ({@code rid}, {@code fdi-version}, {@code st-auth-mode}, {@code origin}), keeps cookies like a browser
 * (by name and path, honouring {@code Path} and expiry), and stores what the SDK stores from responses
 * ({@code front-token}, {@code st-access-token}, {@code st-refresh-token}, {@code anti-csrf}).
 */
final class SdkClient {

    static final String STAGE = "/dev";
    static final String FDI_VERSION = "3.1,4.0,4.1,4.2";

    /** What came back, with the parsed JSON body. */
    record Response(int status, Map<String, String> headers, List<String> setCookies, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
    }

    record StoredCookie(String name, String value, String path) {}

    private final FunctionInvoker function;
    private final String origin;
    private final String authMode;
    private final Map<String, StoredCookie> cookies = new LinkedHashMap<>();
    private String frontToken;
    private String accessTokenHeader;
    private String refreshTokenHeader;
    private String antiCsrf;

    SdkClient(FunctionInvoker function, String origin, String authMode) {
        this.function = function;
        this.origin = origin;
        this.authMode = authMode;
    }

    Response signUp(String email, String password) throws Exception {
        return call("POST", "/auth/signup", null, "emailpassword", credentials(email, password));
    }

    Response signIn(String email, String password) throws Exception {
        return call("POST", "/auth/signin", null, "emailpassword", credentials(email, password));
    }

    /** The refresh call as supertokens-website makes it: no body, the refresh token in header mode. */
    Response refresh() throws Exception {
        return call("POST", "/auth/session/refresh", null, "session", null);
    }

    Response signOut() throws Exception {
        return call("POST", "/auth/signout", null, "session", null);
    }

    /** Consumes an email verification token, as the link's page does. */
    Response verifyEmail(String token) throws Exception {
        return call(
                "POST",
                "/auth/user/email/verify",
                null,
                "emailverification",
                ProxyEvent.JSON
                        .createObjectNode()
                        .put("method", "token")
                        .put("token", token)
                        .toString());
    }

    Response call(String method, String path, String query, String rid, String body) throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("origin", List.of(origin));
        headers.put("fdi-version", List.of(FDI_VERSION));
        headers.put("rid", List.of(rid));
        headers.put("st-auth-mode", List.of(authMode));
        if (body != null) {
            headers.put("content-type", List.of("application/json"));
        }
        String cookieHeader = cookieHeaderFor(STAGE + path);
        if (!cookieHeader.isEmpty()) {
            headers.put("cookie", List.of(cookieHeader));
        }
        String bearer = path.endsWith("/session/refresh") ? refreshTokenHeader : accessTokenHeader;
        if (bearer != null && accessTokenHeader != null && refreshTokenHeader != null) {
            headers.put("authorization", List.of("Bearer " + bearer));
        }
        if (antiCsrf != null) {
            headers.put("anti-csrf", List.of(antiCsrf));
        }
        String resultJson = function.invoke(ProxyEvent.json(method, path, query, headers, body, STAGE));
        Response response = parse(ProxyEvent.JSON.readTree(resultJson));
        remember(response);
        return response;
    }

    /** The payload the frontend would read from its front token ({@code up}). */
    JsonNode frontTokenPayload() throws Exception {
        return ProxyEvent.JSON.readTree(Base64.getDecoder().decode(frontToken)).get("up");
    }

    String frontToken() {
        return frontToken;
    }

    String cookie(String name) {
        return cookies.values().stream()
                .filter(c -> c.name().equals(name))
                .map(StoredCookie::value)
                .findFirst()
                .orElse(null);
    }

    /** Stores a cookie taken from another browser (to replay an old token, as an attacker would). */
    void setCookie(StoredCookie cookie) {
        cookies.put(cookie.name() + "|" + cookie.path(), cookie);
    }

    /** The refresh token cookie as stored now, value and path, for {@link #setCookie} in another browser. */
    StoredCookie refreshCookie() {
        return cookies.values().stream()
                .filter(c -> c.name().equals("sRefreshToken"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("this browser holds no sRefreshToken cookie"));
    }

    String accessTokenHeader() {
        return accessTokenHeader;
    }

    String refreshTokenHeader() {
        return refreshTokenHeader;
    }

    void refreshTokenHeader(String value) {
        refreshTokenHeader = value;
    }

    private static String credentials(String email, String password) {
        return ProxyEvent.JSON
                .createObjectNode()
                .set(
                        "formFields",
                        ProxyEvent.JSON
                                .createArrayNode()
                                .add(ProxyEvent.JSON
                                        .createObjectNode()
                                        .put("id", "email")
                                        .put("value", email))
                                .add(ProxyEvent.JSON
                                        .createObjectNode()
                                        .put("id", "password")
                                        .put("value", password)))
                .toString();
    }

    private static Response parse(JsonNode result) throws Exception {
        Map<String, String> headers = new LinkedHashMap<>();
        result.path("headers")
                .properties()
                .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        List<String> setCookies = new ArrayList<>();
        JsonNode multi = result.path("multiValueHeaders");
        multi.properties().forEach(e -> {
            if (e.getKey().equalsIgnoreCase("set-cookie")) {
                e.getValue().forEach(v -> setCookies.add(v.asText()));
            }
        });
        String body = result.path("body").asText("");
        return new Response(
                result.get("statusCode").asInt(),
                headers,
                setCookies,
                body.isEmpty() ? null : ProxyEvent.JSON.readTree(body));
    }

    private void remember(Response response) {
        for (String setCookie : response.setCookies()) {
            String[] parts = setCookie.split(";\\s*");
            int eq = parts[0].indexOf('=');
            String name = parts[0].substring(0, eq);
            String value = parts[0].substring(eq + 1);
            String path = "/";
            boolean expired = false;
            for (int i = 1; i < parts.length; i++) {
                String attribute = parts[i].toLowerCase(Locale.ROOT);
                if (attribute.startsWith("path=")) {
                    path = parts[i].substring(5);
                } else if (attribute.startsWith("expires=")) {
                    expired = ZonedDateTime.parse(parts[i].substring(8), DateTimeFormatter.RFC_1123_DATE_TIME)
                            .toInstant()
                            .isBefore(Instant.now());
                }
            }
            String key = name + "|" + path;
            if (expired || value.isEmpty()) {
                cookies.remove(key);
            } else {
                cookies.put(key, new StoredCookie(name, value, path));
            }
        }
        String front = response.header("front-token");
        if (front != null) {
            frontToken = "remove".equals(front) ? null : front;
            if (frontToken == null) {
                accessTokenHeader = null;
                refreshTokenHeader = null;
                antiCsrf = null;
            }
        }
        String access = response.header("st-access-token");
        if (access != null) {
            accessTokenHeader = access.isEmpty() ? null : access;
        }
        String refresh = response.header("st-refresh-token");
        if (refresh != null) {
            refreshTokenHeader = refresh.isEmpty() ? null : refresh;
        }
        String csrf = response.header("anti-csrf");
        if (csrf != null) {
            antiCsrf = csrf;
        }
    }

    private String cookieHeaderFor(String fullPath) {
        List<String> pairs = new ArrayList<>();
        for (StoredCookie cookie : cookies.values()) {
            if (fullPath.equals(cookie.path())
                    || fullPath.startsWith(cookie.path().endsWith("/") ? cookie.path() : cookie.path() + "/")
                    || "/".equals(cookie.path())) {
                pairs.add(cookie.name() + "=" + cookie.value());
            }
        }
        return String.join("; ", pairs);
    }
}
