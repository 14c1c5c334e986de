package dev.tollgate.session.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreResults.EmailAlreadyExists;
import dev.tollgate.session.core.CoreResults.EmailAlreadyVerified;
import dev.tollgate.session.core.CoreResults.EmailVerificationTokenOk;
import dev.tollgate.session.core.CoreResults.InvalidEmailVerificationToken;
import dev.tollgate.session.core.CoreResults.RefreshOk;
import dev.tollgate.session.core.CoreResults.RefreshTokenTheft;
import dev.tollgate.session.core.CoreResults.RefreshUnauthorised;
import dev.tollgate.session.core.CoreResults.RegenerateOk;
import dev.tollgate.session.core.CoreResults.RegenerateUnauthorised;
import dev.tollgate.session.core.CoreResults.SignInOk;
import dev.tollgate.session.core.CoreResults.SignUpOk;
import dev.tollgate.session.core.CoreResults.VerifyEmailOk;
import dev.tollgate.session.core.CoreResults.VerifyOk;
import dev.tollgate.session.core.CoreResults.VerifyTryRefresh;
import dev.tollgate.session.core.CoreResults.VerifyUnauthorised;
import dev.tollgate.session.core.CoreResults.WrongCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CDI 5.4 client for the SuperTokens core (spec G), over {@link HttpClient}.
 *
 * <p>Every call except {@code /apiversion} sends {@code cdi-version: 5.4}; POSTs send
 * {@code content-type: application/json; charset=utf-8}; {@code api-key} is sent when configured;
 * {@code rid} is sent only on paths whose first or second segment is {@code recipe} (spec G.1).
 * Core URIs are tried in order: a connection failure or timeout moves on to the next one; an HTTP
 * answer other than 200 is a {@link CoreHttpException} (never turned into a session outcome); a 429 is
 * retried on the same core up to five times, like node. Thread-safe; build one per process.
 */
public final class CoreClient {
    /** The only CDI version this client speaks (supertokens-node 24 likewise). */
    public static final String CDI_VERSION = "5.4";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_RETRIES_ON_429 = 5;
    private static final int MAX_ERROR_BODY_CHARS = 300;

    private final List<URI> coreUris;
    private final String apiKey;
    private final Duration requestTimeout;
    private final HttpClient http;

    /**
     * @param coreUris base URIs, tried in order
     * @param apiKey the core's API key or {@code null}
     * @param requestTimeout whole-request timeout per attempt
     * @param http the client (its connect timeout applies)
     */
    public CoreClient(List<URI> coreUris, String apiKey, Duration requestTimeout, HttpClient http) {
        if (coreUris.isEmpty()) {
            throw new IllegalArgumentException("no core URI");
        }
        this.coreUris = List.copyOf(coreUris);
        this.apiKey = apiKey;
        this.requestTimeout = requestTimeout;
        this.http = http;
    }

    /** A client for the config's cores, API key and request timeout. */
    public CoreClient(SessionConfig config, HttpClient http) {
        this(config.coreUris(), config.apiKey(), config.requestTimeout(), http);
    }

    /** An {@link HttpClient} with the config's connect timeout, HTTP/1.1, no redirects. */
    public static HttpClient newHttpClient(SessionConfig config) {
        return HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code GET /apiversion}: the CDI versions the core supports. */
    public List<String> apiVersions(String apiDomain, String websiteDomain) throws CoreException {
        Map<String, String> query = new LinkedHashMap<>();
        if (apiDomain != null) {
            query.put("apiDomain", apiDomain);
        }
        if (websiteDomain != null) {
            query.put("websiteDomain", websiteDomain);
        }
        JsonNode r = call("GET", "/apiversion", query, null, null, false);
        JsonNode versions = r.get("versions");
        if (versions == null || !versions.isArray()) {
            throw new CoreProtocolException("/apiversion answered without a versions array");
        }
        List<String> out = new ArrayList<>();
        versions.forEach(v -> out.add(v.asText()));
        return out;
    }

    /**
     * {@code POST /<tenantId>/recipe/session}: creates a session.
     *
     * @param recipeUserId the login method's user id (the core derives the primary user)
     * @param userDataInJWT custom access-token claims; must not contain protected props
     */
    public CreatedSession createSession(String tenantId, String recipeUserId, ObjectNode userDataInJWT,
            ObjectNode userDataInDatabase, boolean enableAntiCsrf, boolean useDynamicSigningKey)
            throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("userId", recipeUserId);
        body.set("userDataInJWT", userDataInJWT == null ? F.objectNode() : userDataInJWT);
        body.set("userDataInDatabase", userDataInDatabase == null ? F.objectNode() : userDataInDatabase);
        body.put("useDynamicSigningKey", useDynamicSigningKey);
        body.put("enableAntiCsrf", enableAntiCsrf);
        String path = "/" + tenant(tenantId) + "/recipe/session";
        JsonNode r = post(path, "session", body);
        requireStatus(r, path, "OK");
        return createdSession(r, path);
    }

    /** {@code POST /recipe/session/verify} (spec B.3 step 13, B.4). */
    public CoreResults.VerifySession verifySession(String accessToken, String antiCsrfToken, boolean doAntiCsrfCheck,
            boolean enableAntiCsrf, boolean checkDatabase) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("accessToken", accessToken);
        if (antiCsrfToken != null) {
            body.put("antiCsrfToken", antiCsrfToken);
        }
        body.put("doAntiCsrfCheck", doAntiCsrfCheck);
        body.put("enableAntiCsrf", enableAntiCsrf);
        body.put("checkDatabase", checkDatabase);
        String path = "/recipe/session/verify";
        JsonNode r = post(path, "session", body);
        switch (status(r, path)) {
            case "OK":
                return new VerifyOk(sessionInfo(r.get("session"), path), optionalToken(r.get("accessToken"), path));
            case "UNAUTHORISED":
                return new VerifyUnauthorised(r.path("message").asText(""));
            case "TRY_REFRESH_TOKEN":
                return new VerifyTryRefresh(r.path("message").asText(""));
            default:
                throw unexpected(r, path);
        }
    }

    /** {@code POST /recipe/session/refresh} (spec E.1 step 5). */
    public CoreResults.RefreshSession refreshSession(String refreshToken, String antiCsrfToken, boolean enableAntiCsrf,
            boolean useDynamicSigningKey) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("refreshToken", refreshToken);
        if (antiCsrfToken != null) {
            body.put("antiCsrfToken", antiCsrfToken);
        }
        body.put("enableAntiCsrf", enableAntiCsrf);
        body.put("useDynamicSigningKey", useDynamicSigningKey);
        String path = "/recipe/session/refresh";
        JsonNode r = post(path, "session", body);
        switch (status(r, path)) {
            case "OK":
                return new RefreshOk(createdSession(r, path));
            case "UNAUTHORISED":
                return new RefreshUnauthorised(r.path("message").asText(""));
            case "TOKEN_THEFT_DETECTED": {
                JsonNode s = r.path("session");
                return new RefreshTokenTheft(text(s, "handle", path), text(s, "userId", path),
                        s.path("recipeUserId").isTextual() ? s.get("recipeUserId").textValue() : text(s, "userId", path));
            }
            default:
                throw unexpected(r, path);
        }
    }

    /** {@code POST /recipe/session/remove}: revokes sessions; returns the handles actually revoked. */
    public List<String> removeSessions(List<String> sessionHandles) throws CoreException {
        ObjectNode body = F.objectNode();
        ArrayNode handles = body.putArray("sessionHandles");
        sessionHandles.forEach(handles::add);
        String path = "/recipe/session/remove";
        JsonNode r = post(path, "session", body);
        requireStatus(r, path, "OK");
        return strings(r.get("sessionHandlesRevoked"));
    }

    /** {@code POST /recipe/session/regenerate}: replaces the custom claims of a session's access token. */
    public CoreResults.RegenerateSession regenerateSession(String accessToken, ObjectNode userDataInJWT)
            throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("accessToken", accessToken);
        body.set("userDataInJWT", userDataInJWT == null ? F.objectNode() : userDataInJWT);
        String path = "/recipe/session/regenerate";
        JsonNode r = post(path, "session", body);
        switch (status(r, path)) {
            case "OK":
                return new RegenerateOk(sessionInfo(r.get("session"), path), optionalToken(r.get("accessToken"), path));
            case "UNAUTHORISED":
                return new RegenerateUnauthorised(r.path("message").asText(""));
            default:
                throw unexpected(r, path);
        }
    }

    /** {@code POST /<tenantId>/recipe/signup} (rid {@code emailpassword}). */
    public CoreResults.SignUp signUp(String tenantId, String email, String password) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("email", email);
        body.put("password", password);
        String path = "/" + tenant(tenantId) + "/recipe/signup";
        JsonNode r = post(path, "emailpassword", body);
        switch (status(r, path)) {
            case "OK":
                return new SignUpOk(user(r.get("user"), path), text(r, "recipeUserId", path));
            case "EMAIL_ALREADY_EXISTS_ERROR":
                return new EmailAlreadyExists();
            default:
                throw unexpected(r, path);
        }
    }

    /** {@code POST /<tenantId>/recipe/signin} (rid {@code emailpassword}). */
    public CoreResults.SignIn signIn(String tenantId, String email, String password) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("email", email);
        body.put("password", password);
        String path = "/" + tenant(tenantId) + "/recipe/signin";
        JsonNode r = post(path, "emailpassword", body);
        switch (status(r, path)) {
            case "OK":
                return new SignInOk(user(r.get("user"), path), text(r, "recipeUserId", path));
            case "WRONG_CREDENTIALS_ERROR":
                return new WrongCredentials();
            default:
                throw unexpected(r, path);
        }
    }

    /** {@code GET /user/id?userId=}: the user, or empty for {@code UNKNOWN_USER_ID_ERROR}. */
    public Optional<User> userById(String userId) throws CoreException {
        String path = "/user/id";
        JsonNode r = call("GET", path, Map.of("userId", userId), null, null, true);
        switch (status(r, path)) {
            case "OK":
                return Optional.of(user(r.get("user"), path));
            case "UNKNOWN_USER_ID_ERROR":
                return Optional.empty();
            default:
                throw unexpected(r, path);
        }
    }

    /** {@code GET /<tenantId>/users/by-accountinfo?email=&doUnionOfAccountInfo=}. */
    public List<User> usersByEmail(String tenantId, String email, boolean doUnionOfAccountInfo) throws CoreException {
        String path = "/" + tenant(tenantId) + "/users/by-accountinfo";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("email", email);
        query.put("doUnionOfAccountInfo", Boolean.toString(doUnionOfAccountInfo));
        JsonNode r = call("GET", path, query, null, null, true);
        requireStatus(r, path, "OK");
        JsonNode users = r.get("users");
        if (users == null || !users.isArray()) {
            throw new CoreProtocolException(path + " answered without a users array");
        }
        List<User> out = new ArrayList<>();
        for (JsonNode u : users) {
            out.add(user(u, path));
        }
        return out;
    }

    /** {@code POST /<tenantId>/recipe/user/email/verify/token} (rid {@code emailverification}). */
    public CoreResults.EmailVerificationToken createEmailVerificationToken(String tenantId, String recipeUserId,
            String email) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("userId", recipeUserId);
        body.put("email", email);
        String path = "/" + tenant(tenantId) + "/recipe/user/email/verify/token";
        JsonNode r = post(path, "emailverification", body);
        switch (status(r, path)) {
            case "OK":
                return new EmailVerificationTokenOk(text(r, "token", path));
            case "EMAIL_ALREADY_VERIFIED_ERROR":
                return new EmailAlreadyVerified();
            default:
                throw unexpected(r, path);
        }
    }

    /** {@code POST /<tenantId>/recipe/user/email/verify} with {@code {"method":"token","token":...}}. */
    public CoreResults.VerifyEmail verifyEmail(String tenantId, String token) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("method", "token");
        body.put("token", token);
        String path = "/" + tenant(tenantId) + "/recipe/user/email/verify";
        JsonNode r = post(path, "emailverification", body);
        switch (status(r, path)) {
            case "OK":
                return new VerifyEmailOk(text(r, "userId", path), text(r, "email", path));
            case "EMAIL_VERIFICATION_INVALID_TOKEN_ERROR":
                return new InvalidEmailVerificationToken();
            default:
                throw unexpected(r, path);
        }
    }

    /** {@code GET /recipe/user/email/verify?userId=&email=}: whether that email of that user is verified. */
    public boolean isEmailVerified(String recipeUserId, String email) throws CoreException {
        String path = "/recipe/user/email/verify";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("userId", recipeUserId);
        query.put("email", email);
        JsonNode r = call("GET", path, query, null, "emailverification", true);
        requireStatus(r, path, "OK");
        JsonNode verified = r.get("isVerified");
        if (verified == null || !verified.isBoolean()) {
            throw new CoreProtocolException(path + " answered without a boolean isVerified");
        }
        return verified.booleanValue();
    }

    // ---- transport ----

    private JsonNode post(String path, String rid, ObjectNode body) throws CoreException {
        return call("POST", path, Map.of(), body, rid, true);
    }

    private JsonNode call(String method, String path, Map<String, String> query, ObjectNode body, String rid,
            boolean sendCdiVersion) throws CoreException {
        String ridHeader = ridFor(path, rid);
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = MAPPER.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalStateException("cannot serialise a JSON tree", e);
            }
        }
        StringBuilder failures = new StringBuilder();
        for (URI base : coreUris) {
            URI uri = URI.create(base + path + queryString(query));
            for (int attempt = 0; ; attempt++) {
                HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(requestTimeout);
                if (sendCdiVersion) {
                    rb.header("cdi-version", CDI_VERSION);
                }
                if (apiKey != null) {
                    rb.header("api-key", apiKey);
                }
                if (ridHeader != null) {
                    rb.header("rid", ridHeader);
                }
                if (bytes != null) {
                    rb.header("content-type", "application/json; charset=utf-8");
                    rb.method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
                } else {
                    rb.method(method, HttpRequest.BodyPublishers.noBody());
                }
                HttpResponse<byte[]> response;
                try {
                    response = http.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (HttpTimeoutException e) {
                    failures.append(' ').append(base).append(" timed out;");
                    break;
                } catch (IOException e) {
                    failures.append(' ').append(base).append(" unreachable (").append(e.getClass().getSimpleName())
                            .append(");");
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CoreUnreachableException("interrupted while calling the core at " + path);
                }
                if (response.statusCode() == 429 && attempt < MAX_RETRIES_ON_429) {
                    sleep(10L + 250L * attempt);
                    continue;
                }
                if (response.statusCode() != 200) {
                    String text = new String(response.body(), StandardCharsets.UTF_8);
                    throw new CoreHttpException(path, response.statusCode(),
                            text.length() > MAX_ERROR_BODY_CHARS ? text.substring(0, MAX_ERROR_BODY_CHARS) : text);
                }
                try {
                    JsonNode node = MAPPER.readTree(response.body());
                    if (node == null || !node.isObject()) {
                        throw new CoreProtocolException(path + " answered 200 without a JSON object");
                    }
                    return node;
                } catch (IOException e) {
                    throw new CoreProtocolException(path + " answered 200 with invalid JSON");
                }
            }
        }
        throw new CoreUnreachableException("no core reachable for " + path + ":" + failures);
    }

    /** {@code rid} only when the path's first or second segment is {@code recipe} (spec G.1). */
    static String ridFor(String path, String rid) {
        if (rid == null) {
            return null;
        }
        String[] segments = path.substring(1).split("/");
        boolean recipePath = (segments.length > 0 && segments[0].equals("recipe"))
                || (segments.length > 1 && segments[1].equals("recipe"));
        return recipePath ? rid : null;
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("?");
        query.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        });
        return sb.toString();
    }

    private static void sleep(long millis) throws CoreUnreachableException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoreUnreachableException("interrupted while waiting to retry");
        }
    }

    private static String tenant(String tenantId) {
        String t = tenantId == null || tenantId.isEmpty() ? "public" : tenantId;
        if (!t.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("invalid tenant id");
        }
        return t;
    }

    // ---- response reading ----

    private static String status(JsonNode r, String path) throws CoreProtocolException {
        JsonNode s = r.get("status");
        if (s == null || !s.isTextual()) {
            throw new CoreProtocolException(path + " answered without a status");
        }
        return s.textValue();
    }

    private static void requireStatus(JsonNode r, String path, String expected) throws CoreProtocolException {
        String s = status(r, path);
        if (!expected.equals(s)) {
            throw unexpected(r, path);
        }
    }

    private static CoreProtocolException unexpected(JsonNode r, String path) {
        return new CoreProtocolException(path + " answered unexpected status " + r.path("status").asText("?"));
    }

    private static CreatedSession createdSession(JsonNode r, String path) throws CoreProtocolException {
        JsonNode csrf = r.get("antiCsrfToken");
        return new CreatedSession(sessionInfo(r.get("session"), path), token(r.get("accessToken"), path),
                token(r.get("refreshToken"), path), csrf != null && csrf.isTextual() ? csrf.textValue() : null);
    }

    static SessionInfo sessionInfo(JsonNode s, String path) throws CoreProtocolException {
        if (s == null || !s.isObject()) {
            throw new CoreProtocolException(path + " answered without a session object");
        }
        String userId = text(s, "userId", path);
        JsonNode data = s.get("userDataInJWT");
        return new SessionInfo(text(s, "handle", path), userId,
                s.path("recipeUserId").isTextual() ? s.get("recipeUserId").textValue() : userId,
                data instanceof ObjectNode ? (ObjectNode) data : F.objectNode(),
                s.path("tenantId").isTextual() ? s.get("tenantId").textValue() : "public");
    }

    private static TokenInfo optionalToken(JsonNode t, String path) throws CoreProtocolException {
        return t == null || t.isNull() ? null : token(t, path);
    }

    private static TokenInfo token(JsonNode t, String path) throws CoreProtocolException {
        if (t == null || !t.isObject() || !t.path("expiry").isNumber() || !t.path("createdTime").isNumber()) {
            throw new CoreProtocolException(path + " answered a malformed token object");
        }
        return new TokenInfo(text(t, "token", path), t.get("expiry").longValue(), t.get("createdTime").longValue());
    }

    static User user(JsonNode u, String path) throws CoreProtocolException {
        if (u == null || !u.isObject()) {
            throw new CoreProtocolException(path + " answered without a user object");
        }
        List<LoginMethod> methods = new ArrayList<>();
        for (JsonNode m : u.path("loginMethods")) {
            methods.add(new LoginMethod(text(m, "recipeId", path), text(m, "recipeUserId", path),
                    strings(m.get("tenantIds")), m.path("email").isTextual() ? m.get("email").textValue() : null,
                    m.path("phoneNumber").isTextual() ? m.get("phoneNumber").textValue() : null,
                    m.path("verified").asBoolean(false), m.path("timeJoined").asLong()));
        }
        return new User(text(u, "id", path), u.path("isPrimaryUser").asBoolean(false), strings(u.get("tenantIds")),
                u.path("timeJoined").asLong(), strings(u.get("emails")), strings(u.get("phoneNumbers")),
                List.copyOf(methods), ((ObjectNode) u).deepCopy());
    }

    private static String text(JsonNode node, String field, String path) throws CoreProtocolException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new CoreProtocolException(path + " answered without a string " + field);
        }
        return v.textValue();
    }

    private static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
