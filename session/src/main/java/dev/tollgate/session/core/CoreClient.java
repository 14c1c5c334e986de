package dev.tollgate.session.core;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.tollgate.session.internal.core.CoreTransport;
import dev.tollgate.session.internal.http.HttpClientExchange;
import dev.tollgate.session.internal.http.HttpExchange;
import dev.tollgate.session.internal.http.UrlConnectionExchange;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * A CDI 5.4 client for the SuperTokens core (docs/supertokens.md#cdi-calls), over {@link HttpClient}.
 *
 * <p>Every call except {@code /apiversion} sends {@code cdi-version: 5.4}; POSTs send
 * {@code content-type: application/json; charset=utf-8}; {@code api-key} is sent when configured;
 * {@code rid} is sent only on paths whose first or second segment is {@code recipe} (docs/supertokens.md#cdi).
 * Core URIs are tried in order: a connection failure or timeout moves on to the next one; an HTTP
 * answer other than 200 is a {@link CoreHttpException} (never turned into a session outcome); a 429 is
 * retried on the same core up to five times, like node. Thread-safe; build one per process.
 */
public final class CoreClient {
    /** The only CDI version this client speaks (supertokens-node 24 likewise). */
    public static final String CDI_VERSION = "5.4";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final CoreTransport transport;

    /**
     * @param coreUris base URIs, tried in order
     * @param apiKey the core's API key or {@code null}
     * @param requestTimeout whole-request timeout per attempt
     * @param http the client (its connect timeout applies)
     *     <p>Production builds its client with {@link #CoreClient(SessionConfig)}; this one and
     *     {@link #CoreClient(SessionConfig, HttpClient)} are for callers holding a client already: tests
     *     with short timeouts, and the core stand-in's interoperability tests.
     */
    public CoreClient(List<URI> coreUris, String apiKey, Duration requestTimeout, HttpClient http) {
        this(coreUris, apiKey, new HttpClientExchange(http, requestTimeout));
    }

    /** A client for the config's cores, API key and request timeout. */
    public CoreClient(SessionConfig config, HttpClient http) {
        this(config.coreUris(), config.apiKey(), config.requestTimeout(), http);
    }

    /**
     * A client for the config's cores, API key and timeouts over {@link java.net.HttpURLConnection}: no
     * {@link HttpClient} is ever built, which spares a cold start its classes, its {@code SSLContext} and
     * its selector thread (TLS is set up only for an {@code https://} core, on the first call).
     */
    public CoreClient(SessionConfig config) {
        this(
                config.coreUris(),
                config.apiKey(),
                new UrlConnectionExchange(config.connectTimeout(), config.requestTimeout()));
    }

    private CoreClient(List<URI> coreUris, String apiKey, HttpExchange http) {
        if (coreUris.isEmpty()) {
            throw new IllegalArgumentException("no core URI");
        }
        if (apiKey != null && !apiKey.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("the API key must be printable ASCII without spaces");
        }
        this.transport = new CoreTransport(coreUris, apiKey, http);
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
        JsonNode r = transport.call("GET", "/apiversion", query, null, null, false);
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
    public CreatedSession createSession(
            String tenantId,
            String recipeUserId,
            ObjectNode userDataInJWT,
            ObjectNode userDataInDatabase,
            boolean enableAntiCsrf,
            boolean useDynamicSigningKey)
            throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("userId", recipeUserId);
        body.set("userDataInJWT", userDataInJWT == null ? F.objectNode() : userDataInJWT);
        body.set("userDataInDatabase", userDataInDatabase == null ? F.objectNode() : userDataInDatabase);
        body.put("useDynamicSigningKey", useDynamicSigningKey);
        body.put("enableAntiCsrf", enableAntiCsrf);
        String path = "/" + CoreTransport.tenant(tenantId) + "/recipe/session";
        JsonNode r = transport.post(path, "session", body);
        CoreAnswers.requireStatus(r, path, "OK");
        return CoreAnswers.createdSession(r, path);
    }

    /** {@code POST /recipe/session/verify} (docs/supertokens.md#verification, #core-verify). */
    public CoreResults.VerifySession verifySession(
            String accessToken,
            String antiCsrfToken,
            boolean doAntiCsrfCheck,
            boolean enableAntiCsrf,
            boolean checkDatabase)
            throws CoreException {
        ObjectNode body = tokenBody("accessToken", accessToken, antiCsrfToken);
        body.put("doAntiCsrfCheck", doAntiCsrfCheck);
        body.put("enableAntiCsrf", enableAntiCsrf);
        body.put("checkDatabase", checkDatabase);
        String path = "/recipe/session/verify";
        JsonNode r = transport.post(path, "session", body);
        return switch (CoreAnswers.status(r, path)) {
            case "OK" ->
                new VerifyOk(
                        CoreAnswers.sessionInfo(r.get("session"), path),
                        CoreAnswers.optionalToken(r.get("accessToken"), path));
            case "UNAUTHORISED" -> new VerifyUnauthorised(CoreAnswers.message(r));
            case "TRY_REFRESH_TOKEN" -> new VerifyTryRefresh(CoreAnswers.message(r));
            default -> throw CoreAnswers.unexpected(r, path);
        };
    }

    /** {@code POST /recipe/session/refresh} (docs/supertokens.md#refresh step 5). */
    public CoreResults.RefreshSession refreshSession(
            String refreshToken, String antiCsrfToken, boolean enableAntiCsrf, boolean useDynamicSigningKey)
            throws CoreException {
        ObjectNode body = tokenBody("refreshToken", refreshToken, antiCsrfToken);
        body.put("enableAntiCsrf", enableAntiCsrf);
        body.put("useDynamicSigningKey", useDynamicSigningKey);
        String path = "/recipe/session/refresh";
        JsonNode r = transport.post(path, "session", body);
        return switch (CoreAnswers.status(r, path)) {
            case "OK" -> new RefreshOk(CoreAnswers.createdSession(r, path));
            case "UNAUTHORISED" -> new RefreshUnauthorised(CoreAnswers.message(r));
            case "TOKEN_THEFT_DETECTED" -> {
                JsonNode s = r.path("session");
                yield new RefreshTokenTheft(
                        CoreAnswers.text(s, "handle", path),
                        CoreAnswers.text(s, "userId", path),
                        s.path("recipeUserId").isTextual()
                                ? s.get("recipeUserId").textValue()
                                : CoreAnswers.text(s, "userId", path));
            }
            default -> throw CoreAnswers.unexpected(r, path);
        };
    }

    /** Verify and refresh send a token and, when the request carried one, its anti-CSRF token. */
    private static ObjectNode tokenBody(String tokenField, String token, String antiCsrfToken) {
        ObjectNode body = F.objectNode();
        body.put(tokenField, token);
        if (antiCsrfToken != null) {
            body.put("antiCsrfToken", antiCsrfToken);
        }
        return body;
    }

    /** {@code POST /recipe/session/remove}: revokes sessions; returns the handles actually revoked. */
    public List<String> removeSessions(List<String> sessionHandles) throws CoreException {
        ObjectNode body = F.objectNode();
        ArrayNode handles = body.putArray("sessionHandles");
        sessionHandles.forEach(handles::add);
        String path = "/recipe/session/remove";
        JsonNode r = transport.post(path, "session", body);
        CoreAnswers.requireStatus(r, path, "OK");
        return CoreAnswers.strings(r.get("sessionHandlesRevoked"));
    }

    /** {@code POST /recipe/session/regenerate}: replaces the custom claims of a session's access token. */
    public CoreResults.RegenerateSession regenerateSession(String accessToken, ObjectNode userDataInJWT)
            throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("accessToken", accessToken);
        body.set("userDataInJWT", userDataInJWT == null ? F.objectNode() : userDataInJWT);
        String path = "/recipe/session/regenerate";
        return okOr(
                transport.post(path, "session", body),
                path,
                r -> new RegenerateOk(
                        CoreAnswers.sessionInfo(r.get("session"), path),
                        CoreAnswers.optionalToken(r.get("accessToken"), path)),
                "UNAUTHORISED",
                r -> new RegenerateUnauthorised(CoreAnswers.message(r)));
    }

    /** {@code POST /<tenantId>/recipe/signup} (rid {@code emailpassword}). */
    public CoreResults.SignUp signUp(String tenantId, String email, String password) throws CoreException {
        return emailPassword(
                tenantId,
                "signup",
                email,
                password,
                SignUpOk::new,
                "EMAIL_ALREADY_EXISTS_ERROR",
                EmailAlreadyExists::new);
    }

    /** {@code POST /<tenantId>/recipe/signin} (rid {@code emailpassword}). */
    public CoreResults.SignIn signIn(String tenantId, String email, String password) throws CoreException {
        return emailPassword(
                tenantId, "signin", email, password, SignInOk::new, "WRONG_CREDENTIALS_ERROR", WrongCredentials::new);
    }

    /**
     * Sign-up and sign-in send the same body to {@code /<tenantId>/recipe/<action>} (rid {@code emailpassword})
     * and answer alike: {@code OK} with the user and its recipe user id, or their one failure status.
     */
    private <T> T emailPassword(
            String tenantId,
            String action,
            String email,
            String password,
            BiFunction<CoreUser, String, ? extends T> ok,
            String failureStatus,
            Supplier<? extends T> failure)
            throws CoreException {
        String path = "/" + CoreTransport.tenant(tenantId) + "/recipe/" + action;
        ObjectNode body = F.objectNode();
        body.put("email", email);
        body.put("password", password);
        return okOr(
                transport.post(path, "emailpassword", body),
                path,
                r -> ok.apply(CoreAnswers.user(r.get("user"), path), CoreAnswers.text(r, "recipeUserId", path)),
                failureStatus,
                r -> failure.get());
    }

    /** {@code GET /user/id?userId=}: the user, or empty for {@code UNKNOWN_USER_ID_ERROR}. */
    public Optional<CoreUser> userById(String userId) throws CoreException {
        String path = "/user/id";
        return okOr(
                transport.call("GET", path, Map.of("userId", userId), null, null, true),
                path,
                r -> Optional.of(CoreAnswers.user(r.get("user"), path)),
                "UNKNOWN_USER_ID_ERROR",
                r -> Optional.empty());
    }

    /** {@code GET /<tenantId>/users/by-accountinfo?email=&doUnionOfAccountInfo=}. */
    public List<CoreUser> usersByEmail(String tenantId, String email, boolean doUnionOfAccountInfo)
            throws CoreException {
        String path = "/" + CoreTransport.tenant(tenantId) + "/users/by-accountinfo";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("email", email);
        query.put("doUnionOfAccountInfo", Boolean.toString(doUnionOfAccountInfo));
        JsonNode r = transport.call("GET", path, query, null, null, true);
        CoreAnswers.requireStatus(r, path, "OK");
        JsonNode users = r.get("users");
        if (users == null || !users.isArray()) {
            throw new CoreProtocolException(path + " answered without a users array");
        }
        List<CoreUser> out = new ArrayList<>();
        for (JsonNode u : users) {
            out.add(CoreAnswers.user(u, path));
        }
        return out;
    }

    /** {@code POST /<tenantId>/recipe/user/email/verify/token} (rid {@code emailverification}). */
    public CoreResults.EmailVerificationToken createEmailVerificationToken(
            String tenantId, String recipeUserId, String email) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("userId", recipeUserId);
        body.put("email", email);
        String path = "/" + CoreTransport.tenant(tenantId) + "/recipe/user/email/verify/token";
        return okOr(
                transport.post(path, "emailverification", body),
                path,
                r -> new EmailVerificationTokenOk(CoreAnswers.text(r, "token", path)),
                "EMAIL_ALREADY_VERIFIED_ERROR",
                r -> new EmailAlreadyVerified());
    }

    /** {@code POST /<tenantId>/recipe/user/email/verify} with {@code {"method":"token","token":...}}. */
    public CoreResults.VerifyEmail verifyEmail(String tenantId, String token) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("method", "token");
        body.put("token", token);
        String path = "/" + CoreTransport.tenant(tenantId) + "/recipe/user/email/verify";
        return okOr(
                transport.post(path, "emailverification", body),
                path,
                r -> new VerifyEmailOk(CoreAnswers.text(r, "userId", path), CoreAnswers.text(r, "email", path)),
                "EMAIL_VERIFICATION_INVALID_TOKEN_ERROR",
                r -> new InvalidEmailVerificationToken());
    }

    /** {@code GET /recipe/user/email/verify?userId=&email=}: whether that email of that user is verified. */
    public boolean isEmailVerified(String recipeUserId, String email) throws CoreException {
        String path = "/recipe/user/email/verify";
        Map<String, String> query = new LinkedHashMap<>();
        query.put("userId", recipeUserId);
        query.put("email", email);
        JsonNode r = transport.call("GET", path, query, null, "emailverification", true);
        CoreAnswers.requireStatus(r, path, "OK");
        JsonNode verified = r.get("isVerified");
        if (verified == null || !verified.isBoolean()) {
            throw new CoreProtocolException(path + " answered without a boolean isVerified");
        }
        return verified.booleanValue();
    }

    /** {@code GET /<tenantId>/recipe/user/roles?userId=} (rid {@code userroles}): the user's roles. */
    public List<String> rolesForUser(String tenantId, String userId) throws CoreException {
        String path = "/" + CoreTransport.tenant(tenantId) + "/recipe/user/roles";
        JsonNode r = transport.call("GET", path, Map.of("userId", userId), null, "userroles", true);
        CoreAnswers.requireStatus(r, path, "OK");
        return strings(r, "roles", path);
    }

    /**
     * {@code GET /recipe/role/permissions?role=} (rid {@code userroles}): the role's permissions, or empty
     * for {@code UNKNOWN_ROLE_ERROR} (a role deleted since it was read).
     */
    public Optional<List<String>> permissionsForRole(String role) throws CoreException {
        String path = "/recipe/role/permissions";
        return okOr(
                transport.call("GET", path, Map.of("role", role), null, "userroles", true),
                path,
                r -> Optional.of(strings(r, "permissions", path)),
                "UNKNOWN_ROLE_ERROR",
                r -> Optional.empty());
    }

    /**
     * {@code PUT /recipe/role} (rid {@code userroles}): creates {@code role} or adds {@code permissions} to
     * it; whether the role is new.
     */
    public boolean createRoleOrAddPermissions(String role, List<String> permissions) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("role", role);
        ArrayNode array = body.putArray("permissions");
        permissions.forEach(array::add);
        String path = "/recipe/role";
        JsonNode r = transport.call("PUT", path, Map.of(), body, "userroles", true);
        CoreAnswers.requireStatus(r, path, "OK");
        return r.path("createdNewRole").asBoolean();
    }

    /**
     * {@code PUT /<tenantId>/recipe/user/role} (rid {@code userroles}): gives the user a role; whether the
     * user had it already, or empty for {@code UNKNOWN_ROLE_ERROR}.
     */
    public Optional<Boolean> addRoleToUser(String tenantId, String userId, String role) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("userId", userId);
        body.put("role", role);
        String path = "/" + CoreTransport.tenant(tenantId) + "/recipe/user/role";
        return okOr(
                transport.call("PUT", path, Map.of(), body, "userroles", true),
                path,
                r -> Optional.of(r.path("didUserAlreadyHaveRole").asBoolean()),
                "UNKNOWN_ROLE_ERROR",
                r -> Optional.empty());
    }

    /** {@code GET /recipe/session/user?userId=} (rid {@code session}): the handles of the user's live sessions. */
    public List<String> sessionHandlesForUser(String userId) throws CoreException {
        String path = "/recipe/session/user";
        JsonNode r = transport.call("GET", path, Map.of("userId", userId), null, "session", true);
        CoreAnswers.requireStatus(r, path, "OK");
        return strings(r, "sessionHandles", path);
    }

    /**
     * {@code GET /recipe/jwt/data?sessionHandle=} (rid {@code session}): the custom claims the session's next
     * access token will carry, or empty for {@code UNAUTHORISED} (the session is gone).
     */
    public Optional<ObjectNode> accessTokenPayload(String sessionHandle) throws CoreException {
        String path = "/recipe/jwt/data";
        return okOr(
                transport.call("GET", path, Map.of("sessionHandle", sessionHandle), null, "session", true),
                path,
                r -> {
                    JsonNode data = r.get("userDataInJWT");
                    if (data == null || !data.isObject()) {
                        throw new CoreProtocolException(path + " answered without a userDataInJWT object");
                    }
                    return Optional.of((ObjectNode) data);
                },
                "UNAUTHORISED",
                r -> Optional.empty());
    }

    /**
     * {@code PUT /recipe/jwt/data} (rid {@code session}): replaces the custom claims of the session's next
     * access token (node's {@code mergeIntoAccessTokenPayload} by session handle); false for
     * {@code UNAUTHORISED} (the session is gone).
     */
    public boolean updateAccessTokenPayload(String sessionHandle, ObjectNode userDataInJWT) throws CoreException {
        ObjectNode body = F.objectNode();
        body.put("sessionHandle", sessionHandle);
        body.set("userDataInJWT", userDataInJWT);
        String path = "/recipe/jwt/data";
        return okOr(
                transport.call("PUT", path, Map.of(), body, "session", true),
                path,
                r -> true,
                "UNAUTHORISED",
                r -> false);
    }

    /** Reads one outcome out of a core answer. */
    @FunctionalInterface
    private interface Outcome<T> {
        T read(JsonNode answer) throws CoreException;
    }

    /**
     * The common answer shape: {@code OK}, or one named status that is an outcome rather than a failure;
     * any other status is a {@link CoreProtocolException}.
     */
    private static <T> T okOr(JsonNode r, String path, Outcome<T> ok, String otherStatus, Outcome<T> other)
            throws CoreException {
        String status = CoreAnswers.status(r, path);
        if (status.equals("OK")) {
            return ok.read(r);
        }
        if (status.equals(otherStatus)) {
            return other.read(r);
        }
        throw CoreAnswers.unexpected(r, path);
    }

    private static List<String> strings(JsonNode r, String field, String path) throws CoreProtocolException {
        JsonNode array = r.get(field);
        if (array == null || !array.isArray()) {
            throw new CoreProtocolException(path + " answered without a " + field + " array");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                throw new CoreProtocolException(path + " answered a " + field + " entry that is not a string");
            }
            out.add(element.textValue());
        }
        return out;
    }
}
