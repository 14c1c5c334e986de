package dev.tollgate.localstack.core.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.tollgate.localstack.http.QueryString;
import dev.tollgate.localstack.http.Replies;
import dev.tollgate.localstack.http.RequestBodies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web layer of the stand-in, in the core's order: route (tenant and app prefixes accepted),
 * api-key, cdi-version, method, then the endpoint; every {@link CoreError} becomes the core's text
 * answer here and nowhere else. Logs one JSON line per request, without query, headers or body.
 */
public final class CoreHttpHandler implements HttpHandler {

    private static final int MAX_BODY_BYTES = 1 << 20;
    private static final Pattern PREFIXES = Pattern.compile("^(/appid-[a-z0-9-]*)?(/[a-z0-9-]+)?(/.*)$");

    private final Map<String, Endpoint> endpoints;
    private final Optional<String> apiKey;
    private final CoreRequestLog log;

    public CoreHttpHandler(List<Endpoint> endpoints, Optional<String> apiKey, CoreRequestLog log) {
        Map<String, Endpoint> byPath = new LinkedHashMap<>();
        for (Endpoint endpoint : endpoints) {
            byPath.put(endpoint.path(), endpoint);
        }
        this.endpoints = Map.copyOf(byPath);
        this.apiKey = apiKey;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        int status;
        try {
            CoreResponse response = dispatch(exchange, method, path);
            status = response.status();
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            send(exchange, status, response.contentType(), response.body());
        } catch (CoreError error) {
            status = error.status();
            send(exchange, status, CoreResponse.TEXT, error.getMessage());
        } catch (RuntimeException e) {
            // A failure of ours, never the client's: say what broke, not where.
            status = 500;
            send(
                    exchange,
                    status,
                    CoreResponse.TEXT,
                    "Internal error: " + e.getClass().getName());
            log.failure(method, path, e);
        } finally {
            exchange.close();
        }
        log.request(method, path, status, (System.nanoTime() - started) / 1e6);
    }

    private CoreResponse dispatch(HttpExchange exchange, String method, String path) throws CoreError, IOException {
        Route route = route(path == null ? "/" : path);
        String cdiVersion = exchange.getRequestHeaders().getFirst("cdi-version");
        if (route.endpoint == null) {
            CdiVersion.check(cdiVersion, true);
            throw new CoreError.NotFound();
        }
        Endpoint endpoint = route.endpoint;
        if (endpoint.checkApiKey()) {
            checkApiKey(exchange);
        }
        CdiVersion.check(cdiVersion, endpoint.versionNeeded());
        route.checkTenant();
        Endpoint.Handler handler = endpoint.methods().get(method);
        if (handler == null) {
            throw new CoreError.MethodNotSupported();
        }
        byte[] body = readBody(exchange);
        CoreRequest request = new CoreRequest(
                method, endpoint.path(), parseQuery(exchange.getRequestURI().getRawQuery()), body);
        return handler.handle(request);
    }

    /** Exact paths first, then with an app and/or tenant prefix, as the core's path matcher allows. */
    private Route route(String rawPath) {
        String path = rawPath.toLowerCase(Locale.ROOT);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Endpoint exact = endpoints.get(path);
        if (exact != null) {
            return new Route(exact, null, null);
        }
        Matcher matcher = PREFIXES.matcher(path);
        if (matcher.matches()) {
            String app = matcher.group(1);
            String tenant = matcher.group(2);
            Endpoint prefixed = endpoints.get(matcher.group(3));
            if (prefixed != null) {
                return new Route(
                        prefixed,
                        app == null ? null : app.substring("/appid-".length()),
                        tenant == null ? null : tenant.substring(1));
            }
            if (app != null && tenant != null) {
                // "/appid-x/recipe/signup": the greedy tenant group took the API's first segment
                Endpoint appOnly = endpoints.get(tenant + matcher.group(3));
                if (appOnly != null) {
                    return new Route(appOnly, app.substring("/appid-".length()), null);
                }
            }
        }
        return new Route(null, null, null);
    }

    private void checkApiKey(HttpExchange exchange) throws CoreError.InvalidApiKey {
        if (apiKey.isEmpty()) {
            return;
        }
        String presented = exchange.getRequestHeaders().getFirst("api-key");
        if (presented == null) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization != null && authorization.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
                presented = authorization.substring("bearer ".length());
            } else {
                presented = authorization;
            }
        }
        if (presented == null
                || !MessageDigest.isEqual(
                        presented.trim().getBytes(StandardCharsets.UTF_8),
                        apiKey.get().getBytes(StandardCharsets.UTF_8))) {
            throw new CoreError.InvalidApiKey();
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException, CoreError.PayloadTooLarge {
        try {
            return RequestBodies.read(exchange, MAX_BODY_BYTES);
        } catch (RequestBodies.TooLarge e) {
            throw new CoreError.PayloadTooLarge();
        }
    }

    static Map<String, List<String>> parseQuery(String rawQuery) throws CoreError.BadRequest {
        try {
            return QueryString.parse(rawQuery).parameters();
        } catch (QueryString.MalformedQueryException e) {
            throw new CoreError.BadRequest("Invalid query string");
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String text) throws IOException {
        Replies.send(exchange, status, contentType, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The matched endpoint and the app and tenant named in the path, if any. */
    private record Route(Endpoint endpoint, String appId, String tenantId) {

        /** Only the default app and the public tenant exist in the stand-in. */
        void checkTenant() throws CoreError.BadRequest {
            boolean otherApp = appId != null && !appId.equals("public");
            boolean otherTenant = tenantId != null && !tenantId.equals("public");
            if (otherApp || otherTenant) {
                throw new CoreError.BadRequest("AppId or tenantId not found => Tenant with the following "
                        + "connectionURIDomain, appId and tenantId combination not found: (, "
                        + (appId == null ? "public" : appId) + ", " + (tenantId == null ? "public" : tenantId) + ")");
            }
        }
    }
}
