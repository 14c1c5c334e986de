package dev.tollgate.localstack.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parameter-mapping expressions (docs/aws.md#parameter-mapping): {@code 'static'}, {@code context.<var>},
 * {@code stageVariables.<v>}, {@code method.request.<where>.<name>} and
 * {@code integration.response.<where>.<name>}. A source that resolves to nothing or to an empty string
 * yields an empty result, and the caller omits the header (docs/aws.md#empty-mappings).
 */
final class Mappings {

    /** Where a mapping is used decides which sources it may read. */
    enum Use {
        INTEGRATION_REQUEST,
        INTEGRATION_RESPONSE,
        GATEWAY_RESPONSE
    }

    /** Headers that API Gateway refuses as mapping targets (docs/aws.md#empty-mappings) or the JDK client cannot set. */
    static final Set<String> UNMAPPABLE_HEADERS = Set.of(
            "content-length",
            "transfer-encoding",
            "x-amzn-trace-id",
            "x-amzn-apigateway-api-id",
            "host",
            "connection",
            "expect",
            "upgrade");

    private Mappings() {}

    /** Checks a source expression at load time; returns a problem description or empty when it is usable. */
    static Optional<String> problemWith(String expression, Use use) {
        if (expression.length() >= 2 && expression.startsWith("'") && expression.endsWith("'")) {
            return Optional.empty();
        }
        if (expression.startsWith("context.") && expression.length() > "context.".length()) {
            return Optional.empty();
        }
        if (expression.startsWith("stageVariables.") && expression.length() > "stageVariables.".length()) {
            return Optional.empty();
        }
        if (use != Use.INTEGRATION_RESPONSE
                && isNamed(
                        expression,
                        "method.request.",
                        List.of("header", "multivalueheader", "querystring", "multivaluequerystring", "path"))) {
            return Optional.empty();
        }
        if (use == Use.INTEGRATION_REQUEST && expression.equals("method.request.body")) {
            return Optional.empty();
        }
        if (use == Use.INTEGRATION_RESPONSE
                && (isNamed(expression, "integration.response.", List.of("header", "multivalueheader"))
                        || expression.equals("integration.response.body"))) {
            return Optional.empty();
        }
        return Optional.of("unsupported mapping source '" + expression + "'"
                + (expression.contains("'") ? "" : " (static values need single quotes)"));
    }

    private static boolean isNamed(String expression, String prefix, List<String> kinds) {
        if (!expression.startsWith(prefix)) {
            return false;
        }
        String rest = expression.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot > 0 && dot < rest.length() - 1 && kinds.contains(rest.substring(0, dot));
    }

    /** Resolves an expression that passed {@link #problemWith}; empty when there is no non-empty value. */
    static Optional<String> resolve(String expression, Sources sources) {
        String value;
        if (expression.startsWith("'")) {
            value = expression.substring(1, expression.length() - 1);
        } else if (expression.startsWith("context.")) {
            value = sources.context().get(expression.substring("context.".length()));
        } else if (expression.startsWith("stageVariables.")) {
            value = null; // the local stage defines no stage variables
        } else if (expression.equals("method.request.body")) {
            value = new String(sources.request().body(), StandardCharsets.UTF_8);
        } else if (expression.startsWith("method.request.")) {
            value = fromRequest(expression.substring("method.request.".length()), sources.request());
        } else if (expression.equals("integration.response.body")) {
            value = sources.backend()
                    .map(b -> new String(b.body(), StandardCharsets.UTF_8))
                    .orElse(null);
        } else {
            value = sources.backend()
                    .map(b -> fromHeaders(expression.substring("integration.response.".length()), b.headers()))
                    .orElse(null);
        }
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        // Every mapping target is a header; a value with CR/LF would split it, so it counts as no value.
        return value.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0) ? Optional.empty() : Optional.of(value);
    }

    private static String fromRequest(String rest, GatewayRequest request) {
        int dot = rest.indexOf('.');
        String kind = rest.substring(0, dot);
        String name = rest.substring(dot + 1);
        return switch (kind) {
            case "header", "multivalueheader" -> fromHeaders(rest, request.headers());
            case "querystring" -> last(request.query().get(name));
            case "multivaluequerystring" -> join(request.query().get(name));
            case "path" -> request.pathParameters().get(name);
            default -> null;
        };
    }

    private static String fromHeaders(String rest, Map<String, List<String>> headers) {
        int dot = rest.indexOf('.');
        String kind = rest.substring(0, dot);
        List<String> values = GatewayHeaders.get(headers, rest.substring(dot + 1));
        return kind.equals("multivalueheader") ? join(values) : last(values);
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    private static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    /** Checks a mapping target header name at load time. */
    static Optional<String> problemWithTargetHeader(String name) {
        if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            return Optional.of("invalid header name '" + name + "'");
        }
        if (UNMAPPABLE_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            return Optional.of("header '" + name + "' cannot be mapped");
        }
        return Optional.empty();
    }

    /** What an expression can read while one request is being served. */
    record Sources(GatewayRequest request, Map<String, String> context, Optional<BackendResponse> backend) {}

    /** What an HTTP backend answered. */
    record BackendResponse(int status, Map<String, List<String>> headers, byte[] body) {}
}
