package dev.tollgate.authapi.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request as the auth API sees it, independent of the Lambda event classes.
 *
 * @param method  upper-case HTTP method
 * @param path    the request path without the stage prefix, e.g. {@code /auth/signin}
 * @param headers every header line, names lower-cased, values in arrival order
 * @param query   every query parameter, values in arrival order
 * @param body    the decoded body text; empty when there was none
 */
public record ApiRequest(
        String method, String path, Map<String, List<String>> headers, Map<String, List<String>> query, String body) {

    public ApiRequest {
        method = method.toUpperCase(Locale.ROOT);
        headers = Map.copyOf(headers);
        query = Map.copyOf(query);
    }

    /** The first value of a header, if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** The first value of a query parameter, if present. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    public boolean hasBody() {
        return !body.isBlank();
    }
}
