package dev.tollgate.authapi.routing;

import dev.tollgate.authapi.error.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the route for a path under the API base path. Accepts the public tenant segment
 * ({@code /auth/public/signin}) as supertokens-node does; web-js itself strips it.
 */
public final class Router {

    private static final String PUBLIC_TENANT = "/public";

    /** A resolved route: its path relative to the base path (for logs) and the operation. */
    public record Match(String routePath, String method, Route route) {}

    private final String basePath;
    private final String stagedBasePath;
    private final Map<String, Map<String, Route>> routes;

    private Router(String gatewayPath, String basePath, Map<String, Map<String, Route>> routes) {
        this.basePath = basePath;
        this.stagedBasePath = gatewayPath + basePath;
        this.routes = routes;
    }

    public static Builder builder(String gatewayPath, String basePath) {
        return new Builder(gatewayPath, basePath);
    }

    /** The route path relative to the base path, if the request path is one of ours at all. */
    public Optional<String> routePath(String requestPath) {
        String path = requestPath;
        // The REST event's path carries no stage; a custom-domain mapping or a test might still send it.
        if (!stagedBasePath.equals(basePath) && under(path, stagedBasePath)) {
            path = path.substring(stagedBasePath.length() - basePath.length());
        }
        if (!under(path, basePath)) {
            return Optional.empty();
        }
        String rest = path.substring(basePath.length());
        if (rest.startsWith(PUBLIC_TENANT + "/")) {
            rest = rest.substring(PUBLIC_TENANT.length());
        }
        if (rest.length() > 1 && rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        return routes.containsKey(rest) ? Optional.of(rest) : Optional.empty();
    }

    /** The methods a known route path answers, for preflights and 405s. */
    public List<String> methods(String routePath) {
        return routes.getOrDefault(routePath, Map.of()).keySet().stream()
                .sorted()
                .toList();
    }

    public Match resolve(String method, String requestPath) {
        String routePath = routePath(requestPath).orElseThrow(() -> new ApiException.NotFound(requestPath));
        Route route = routes.get(routePath).get(method);
        if (route == null) {
            throw new ApiException.MethodNotAllowed(method, methods(routePath));
        }
        return new Match(routePath, method, route);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    public static final class Builder {
        private final String gatewayPath;
        private final String basePath;
        private final Map<String, Map<String, Route>> routes = new LinkedHashMap<>();

        private Builder(String gatewayPath, String basePath) {
            this.gatewayPath = gatewayPath;
            this.basePath = basePath;
        }

        public Builder route(String method, String routePath, Route route) {
            routes.computeIfAbsent(routePath, p -> new LinkedHashMap<>()).put(method, route);
            return this;
        }

        public Router build() {
            Map<String, Map<String, Route>> frozen = new LinkedHashMap<>();
            routes.forEach((path, byMethod) -> frozen.put(path, Map.copyOf(byMethod)));
            return new Router(gatewayPath, basePath, Map.copyOf(frozen));
        }
    }
}
