package dev.tollgate.session.config;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.EnvReader;
import dev.tollgate.config.Variables.Session;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the session library needs to know, built once at start-up and never changed.
 *
 * <p>Build it with {@link #fromEnvironment(Map)} (the variable names shared by the authorizer and the
 * auth API) or with {@link #builder()}. Defaults follow supertokens-node 24 (docs/supertokens.md#config-defaults): {@code Secure}
 * follows the API domain's scheme, SameSite is {@code none} for cross-site API/website pairs and
 * {@code lax} otherwise, and the anti-CSRF mode is {@code VIA_CUSTOM_HEADER} exactly when SameSite is
 * {@code none}.
 *
 * @param coreUris core base URIs, tried in order (no trailing slash)
 * @param apiKey the core's API key, or {@code null} when the core has none
 * @param apiDomain origin of the API, e.g. {@code http://localhost:4000}
 * @param websiteDomain origin of the website (only used for the SameSite default)
 * @param apiGatewayPath stage prefix such as {@code /dev}, or {@code ""}
 * @param apiBasePath base path of the auth routes, e.g. {@code /auth}
 * @param cookieSameSite SameSite attribute of the session cookies
 * @param cookieSecure whether the session cookies carry {@code Secure}
 * @param cookieDomain {@code Domain} attribute, or {@code null} for host-only cookies
 * @param antiCsrf anti-CSRF mode for cookie-borne tokens
 * @param useDynamicAccessTokenSigningKey tokens must be signed with a dynamic ({@code d-}) key when true,
 *     a static ({@code s-}) key when false
 * @param jwksMaxAge how long a fetched JWKS is used before it is fetched again
 * @param jwksPenaltyWindow minimum time between two JWKS fetches caused by unknown key ids or failures
 * @param connectTimeout TCP connect timeout for the core and the JWKS endpoint
 * @param requestTimeout whole-request timeout for the core and the JWKS endpoint
 */
public record SessionConfig(
        List<URI> coreUris,
        String apiKey,
        URI apiDomain,
        URI websiteDomain,
        String apiGatewayPath,
        String apiBasePath,
        SameSite cookieSameSite,
        boolean cookieSecure,
        String cookieDomain,
        AntiCsrfMode antiCsrf,
        boolean useDynamicAccessTokenSigningKey,
        Duration jwksMaxAge,
        Duration jwksPenaltyWindow,
        Duration connectTimeout,
        Duration requestTimeout) {

    /** Default JWKS cache age: node's {@code jwksRefreshIntervalSec} default of 4 h. */
    public static final Duration DEFAULT_JWKS_MAX_AGE = Duration.ofHours(4);
    /** Default penalty window between refetches: aws-jwt-verify's 10 s. */
    public static final Duration DEFAULT_JWKS_PENALTY_WINDOW = Duration.ofSeconds(10);

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    public SessionConfig {
        Objects.requireNonNull(coreUris, "coreUris");
        coreUris = List.copyOf(coreUris);
        if (coreUris.isEmpty()) {
            throw new ConfigException(Session.CONNECTION_URI, "one or more http(s) URLs", "no core URI");
        }
        Objects.requireNonNull(apiDomain, "apiDomain");
        Objects.requireNonNull(websiteDomain, "websiteDomain");
        Objects.requireNonNull(apiGatewayPath, "apiGatewayPath");
        Objects.requireNonNull(apiBasePath, "apiBasePath");
        Objects.requireNonNull(cookieSameSite, "cookieSameSite");
        Objects.requireNonNull(antiCsrf, "antiCsrf");
        requirePositive(jwksMaxAge, Session.JWKS_MAX_AGE);
        requireNonNegative(jwksPenaltyWindow, Session.JWKS_PENALTY);
        requirePositive(connectTimeout, Session.CONNECT_TIMEOUT);
        requirePositive(requestTimeout, Session.REQUEST_TIMEOUT);
    }

    /** Like the record's, but never prints the API key. */
    @Override
    public String toString() {
        return "SessionConfig[coreUris=" + coreUris + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", apiDomain=" + apiDomain + ", websiteDomain=" + websiteDomain + ", apiGatewayPath=" + apiGatewayPath
                + ", apiBasePath=" + apiBasePath + ", cookieSameSite=" + cookieSameSite + ", cookieSecure="
                + cookieSecure + ", cookieDomain=" + cookieDomain + ", antiCsrf=" + antiCsrf
                + ", useDynamicAccessTokenSigningKey=" + useDynamicAccessTokenSigningKey + ", jwksMaxAge=" + jwksMaxAge
                + ", jwksPenaltyWindow=" + jwksPenaltyWindow + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + "]";
    }

    /** Path of the access-token cookie: always {@code /} (node's {@code accessTokenPath} default). */
    public String accessTokenPath() {
        return "/";
    }

    /** Full public path of the auth routes including the stage prefix, e.g. {@code /dev/auth}. */
    public String fullApiBasePath() {
        return apiGatewayPath + apiBasePath;
    }

    /** Path of the refresh-token cookie, e.g. {@code /dev/auth/session/refresh}. */
    public String refreshTokenPath() {
        return fullApiBasePath() + "/session/refresh";
    }

    /** The {@code iss} claim node puts into new sessions: API domain + stage prefix + base path. */
    public String issuer() {
        return apiDomain + fullApiBasePath();
    }

    /** A builder with node's defaults; {@code coreUris} and {@code apiDomain} must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads the configuration from environment-style variables (see the module README for the table).
     *
     * @throws ConfigException naming the variable and its accepted values when one is missing or invalid
     */
    public static SessionConfig fromEnvironment(Map<String, String> env) {
        EnvReader reader = EnvReader.of(env);
        Builder b = builder();
        b.coreUris(parseUris(reader.required(Session.CONNECTION_URI, "comma-separated http(s) URLs")));
        b.apiKey(reader.optional(Session.API_KEY).orElse(null));
        b.apiDomain(parseOrigin(Session.API_DOMAIN, reader.required(Session.API_DOMAIN, "an http(s) origin")));
        reader.optional(Session.WEBSITE_DOMAIN).ifPresent(w -> b.websiteDomain(parseOrigin(Session.WEBSITE_DOMAIN, w)));
        reader.optional(Session.API_GATEWAY_PATH).ifPresent(b::apiGatewayPath);
        reader.optional(Session.API_BASE_PATH).ifPresent(b::apiBasePath);
        reader.enumOf(Session.COOKIE_SAME_SITE, SameSite.class).ifPresent(b::cookieSameSite);
        reader.optional(Session.COOKIE_SECURE)
                .ifPresent(v -> b.cookieSecure(reader.bool(Session.COOKIE_SECURE, false)));
        b.cookieDomain(reader.optional(Session.COOKIE_DOMAIN).orElse(null));
        reader.enumOf(Session.ANTI_CSRF, AntiCsrfMode.class).ifPresent(b::antiCsrf);
        b.useDynamicAccessTokenSigningKey(reader.bool(Session.USE_DYNAMIC_SIGNING_KEY, true));
        reader.longBetween(Session.JWKS_MAX_AGE, 1, Long.MAX_VALUE).ifPresent(s -> b.jwksMaxAge(Duration.ofSeconds(s)));
        reader.longBetween(Session.JWKS_PENALTY, 0, Long.MAX_VALUE)
                .ifPresent(s -> b.jwksPenaltyWindow(Duration.ofSeconds(s)));
        reader.longBetween(Session.CONNECT_TIMEOUT, 1, Long.MAX_VALUE)
                .ifPresent(ms -> b.connectTimeout(Duration.ofMillis(ms)));
        reader.longBetween(Session.REQUEST_TIMEOUT, 1, Long.MAX_VALUE)
                .ifPresent(ms -> b.requestTimeout(Duration.ofMillis(ms)));
        return b.build();
    }

    /** Mutable builder; {@link #build()} fills the derived defaults and validates. */
    public static final class Builder {
        private List<URI> coreUris;
        private String apiKey;
        private URI apiDomain;
        private URI websiteDomain;
        private String apiGatewayPath = "";
        private String apiBasePath = "/auth";
        private SameSite cookieSameSite;
        private Boolean cookieSecure;
        private String cookieDomain;
        private AntiCsrfMode antiCsrf;
        private boolean useDynamicAccessTokenSigningKey = true;
        private Duration jwksMaxAge = DEFAULT_JWKS_MAX_AGE;
        private Duration jwksPenaltyWindow = DEFAULT_JWKS_PENALTY_WINDOW;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;

        private Builder() {}

        public Builder coreUris(List<URI> uris) {
            List<URI> checked = new ArrayList<>();
            for (URI uri : uris) {
                checked.add(checkCoreUri(uri));
            }
            this.coreUris = checked;
            return this;
        }

        public Builder coreUri(URI uri) {
            return coreUris(List.of(uri));
        }

        public Builder apiKey(String apiKey) {
            String key = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
            if (key != null && !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                // It goes into an HTTP header; a control character or space would break every core call.
                throw new ConfigException(
                        Session.API_KEY, "printable ASCII without spaces", "contains invalid characters");
            }
            this.apiKey = key;
            return this;
        }

        public Builder apiDomain(URI apiDomain) {
            this.apiDomain = normaliseOrigin(Session.API_DOMAIN, apiDomain);
            return this;
        }

        public Builder websiteDomain(URI websiteDomain) {
            this.websiteDomain = normaliseOrigin(Session.WEBSITE_DOMAIN, websiteDomain);
            return this;
        }

        public Builder apiGatewayPath(String path) {
            this.apiGatewayPath = normalisePath(Session.API_GATEWAY_PATH, path);
            return this;
        }

        public Builder apiBasePath(String path) {
            this.apiBasePath = normalisePath(Session.API_BASE_PATH, path);
            return this;
        }

        public Builder cookieSameSite(SameSite sameSite) {
            this.cookieSameSite = sameSite;
            return this;
        }

        public Builder cookieSecure(boolean secure) {
            this.cookieSecure = secure;
            return this;
        }

        public Builder cookieDomain(String domain) {
            if (domain != null
                    && !domain.isBlank()
                    && !domain.trim().matches("\\.?[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?")) {
                throw new ConfigException(
                        Session.COOKIE_DOMAIN,
                        "a host name such as example.com or .example.com",
                        "not a valid cookie domain");
            }
            this.cookieDomain =
                    domain == null || domain.isBlank() ? null : domain.trim().toLowerCase(Locale.ROOT);
            return this;
        }

        public Builder antiCsrf(AntiCsrfMode mode) {
            this.antiCsrf = mode;
            return this;
        }

        public Builder useDynamicAccessTokenSigningKey(boolean dynamic) {
            this.useDynamicAccessTokenSigningKey = dynamic;
            return this;
        }

        public Builder jwksMaxAge(Duration maxAge) {
            this.jwksMaxAge = maxAge;
            return this;
        }

        public Builder jwksPenaltyWindow(Duration window) {
            this.jwksPenaltyWindow = window;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        public SessionConfig build() {
            if (coreUris == null) {
                throw new ConfigException(Session.CONNECTION_URI, "comma-separated http(s) URLs", "not set");
            }
            if (apiDomain == null) {
                throw new ConfigException(Session.API_DOMAIN, "an http(s) origin", "not set");
            }
            // Without a website domain we assume a same-site deployment, the only safe default.
            URI website = websiteDomain != null ? websiteDomain : apiDomain;
            SameSite sameSite = cookieSameSite != null ? cookieSameSite : SameSiteDefault.of(apiDomain, website);
            boolean secure = cookieSecure != null ? cookieSecure : "https".equals(apiDomain.getScheme());
            AntiCsrfMode mode = antiCsrf != null
                    ? antiCsrf
                    : sameSite == SameSite.NONE ? AntiCsrfMode.VIA_CUSTOM_HEADER : AntiCsrfMode.NONE;
            // Browsers drop SameSite=None cookies without Secure; node refuses this set-up unless both
            // ends are local (localhost or IP addresses), so do we, at start-up instead of per session.
            if (sameSite == SameSite.NONE
                    && !secure
                    && !(SameSiteDefault.isLocal(apiDomain.getHost()) && SameSiteDefault.isLocal(website.getHost()))) {
                throw new ConfigException(
                        Session.COOKIE_SECURE,
                        "true (or an https API_DOMAIN) when SameSite is none",
                        "SameSite=None cookies must be Secure unless API and website are both local");
            }
            return new SessionConfig(
                    coreUris,
                    apiKey,
                    apiDomain,
                    website,
                    apiGatewayPath,
                    apiBasePath,
                    sameSite,
                    secure,
                    cookieDomain,
                    mode,
                    useDynamicAccessTokenSigningKey,
                    jwksMaxAge,
                    jwksPenaltyWindow,
                    connectTimeout,
                    requestTimeout);
        }
    }

    private static List<URI> parseUris(String value) {
        List<URI> uris = new ArrayList<>();
        for (String part : value.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            try {
                uris.add(checkCoreUri(new URI(part.trim())));
            } catch (URISyntaxException e) {
                // Not echoed: a mistyped entry may still hold a password.
                throw new ConfigException(
                        Session.CONNECTION_URI,
                        "comma-separated http(s) URLs",
                        "entry " + (uris.size() + 1) + " is not a URL");
            }
        }
        if (uris.isEmpty()) {
            throw new ConfigException(Session.CONNECTION_URI, "comma-separated http(s) URLs", "no URL given");
        }
        return uris;
    }

    private static URI checkCoreUri(URI uri) {
        String accepted = "comma-separated http(s) URLs";
        if (uri == null
                || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new ConfigException(Session.CONNECTION_URI, accepted, "not an http(s) URL without query or fragment");
        }
        if (uri.getRawUserInfo() != null) {
            // The HTTP client never sends user info, and core URIs appear in failure messages and logs:
            // a password here would be useless and leak. The core's credential is SUPERTOKENS_API_KEY.
            throw new ConfigException(
                    Session.CONNECTION_URI,
                    accepted + " without user info (use SUPERTOKENS_API_KEY)",
                    "a URL carries user info");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static URI parseOrigin(String variable, String value) {
        try {
            return normaliseOrigin(variable, new URI(value));
        } catch (URISyntaxException e) {
            throw new ConfigException(variable, "an http(s) origin such as https://api.example.com", "not a URL");
        }
    }

    private static URI normaliseOrigin(String variable, URI uri) {
        String accepted = "an http(s) origin such as https://api.example.com";
        if (uri == null
                || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new ConfigException(variable, accepted, "not an http(s) origin");
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !"/".equals(path))
                || uri.getQuery() != null
                || uri.getFragment() != null
                || uri.getUserInfo() != null) {
            throw new ConfigException(variable, accepted, "an origin has no path, query or user info");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return URI.create(uri.getScheme() + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : ""));
    }

    private static String normalisePath(String variable, String path) {
        String accepted = "a URL path such as /dev, or empty";
        if (path == null) {
            return "";
        }
        String p = path.trim();
        if (p.isEmpty() || "/".equals(p)) {
            return "";
        }
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        // RFC 3986 path characters minus ';' and ',': the path goes into Set-Cookie's Path attribute, where
        // ';' would start a new attribute (e.g. "/dev;Domain=evil.example") and ',' would break the one-line
        // Set-Cookie that API Gateway maps from the authorizer.
        if (!p.matches("(/[A-Za-z0-9._~!$&'()*+=:@%-]+)+")) {
            throw new ConfigException(variable, accepted, "not a valid path");
        }
        return p;
    }

    private static void requirePositive(Duration d, String variable) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new ConfigException(variable, "a positive duration", "not positive");
        }
    }

    private static void requireNonNegative(Duration d, String variable) {
        if (d == null || d.isNegative()) {
            throw new ConfigException(variable, "a duration >= 0", "negative");
        }
    }
}
