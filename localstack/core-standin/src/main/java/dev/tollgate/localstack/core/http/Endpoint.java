package dev.tollgate.localstack.core.http;

import java.util.Map;
import java.util.Objects;

/**
 * One API of the core: its path (without tenant or app prefix), whether it needs the api-key and a
 * supported cdi-version (the JWKS and hello do not), and a handler per HTTP method.
 */
public record Endpoint(String path, boolean checkApiKey, boolean versionNeeded, Map<String, Handler> methods) {

    @FunctionalInterface
    public interface Handler {
        CoreResponse handle(CoreRequest request) throws CoreError;
    }

    public Endpoint {
        Objects.requireNonNull(path, "path");
        methods = Map.copyOf(methods);
    }

    public static Endpoint protectedApi(String path, Map<String, Handler> methods) {
        return new Endpoint(path, true, true, methods);
    }

    public static Endpoint get(String path, Handler handler) {
        return protectedApi(path, Map.of("GET", handler));
    }

    public static Endpoint post(String path, Handler handler) {
        return protectedApi(path, Map.of("POST", handler));
    }
}
