package dev.tollgate.localstack.gateway;

import dev.tollgate.localstack.gateway.RestApi.Method;
import dev.tollgate.localstack.gateway.RestApi.Resource;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stage, resource and method selection (docs/aws.md#routing): the stage prefix must match; among the
 * resources whose template matches the path, literal segments beat {@code {param}} beats
 * {@code {proxy+}}; then the exact verb, else {@code ANY}. Anything else is API Gateway's
 * {@code 403 Missing Authentication Token}, for unknown resources and unknown methods alike.
 */
final class GatewayRouter {

    private final String stage;
    private final List<Resource> resources;

    GatewayRouter(String stage, List<Resource> resources) {
        this.stage = stage;
        this.resources = List.copyOf(resources);
    }

    /** A matched route: the resource, its method, the path without stage, and the path parameters. */
    record Route(Resource resource, Method method, String path, Map<String, String> pathParameters) {}

    Route route(String verb, String fullPath) {
        List<String> raw = new ArrayList<>(Arrays.asList(fullPath.split("/", -1)));
        if (raw.size() < 2 || !raw.get(0).isEmpty() || !raw.get(1).equals(stage)) {
            throw missing("no stage '" + stage + "' in the path");
        }
        List<String> segments = new ArrayList<>();
        for (String s : raw.subList(2, raw.size())) {
            segments.add(decode(s));
        }
        if (segments.size() == 1 && segments.get(0).isEmpty()) {
            segments.clear(); // "/dev/" is the root resource
        }
        String path = "/" + String.join("/", segments);

        Resource best = null;
        int[] bestRank = null;
        Map<String, String> bestParameters = null;
        for (Resource resource : resources) {
            Map<String, String> parameters = new LinkedHashMap<>();
            int[] rank = match(resource.segments(), segments, parameters);
            if (rank != null && (bestRank == null || Arrays.compare(rank, bestRank) < 0)) {
                best = resource;
                bestRank = rank;
                bestParameters = parameters;
            }
        }
        if (best == null) {
            throw missing("no resource matches " + path);
        }
        Method method = Optional.ofNullable(best.methods().get(verb))
                .orElse(best.methods().get("ANY"));
        if (method == null) {
            throw missing("resource " + best.path() + " has no " + verb + " method");
        }
        return new Route(best, method, path, bestParameters);
    }

    /** Ranks per template segment (0 literal, 1 {param}, 2 {greedy+}), or null when the template does not match. */
    private static int[] match(List<String> template, List<String> segments, Map<String, String> parameters) {
        int[] rank = new int[template.size()];
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("+}")) {
                if (i >= segments.size()) {
                    return null; // a greedy parameter needs at least one segment
                }
                parameters.put(t.substring(1, t.length() - 2), String.join("/", segments.subList(i, segments.size())));
                rank[i] = 2;
                return rank;
            }
            if (i >= segments.size() || segments.get(i).isEmpty()) {
                return null;
            }
            if (t.startsWith("{")) {
                parameters.put(t.substring(1, t.length() - 1), segments.get(i));
                rank[i] = 1;
            } else if (!t.equals(segments.get(i))) {
                return null;
            }
        }
        return template.size() == segments.size() ? rank : null;
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return segment;
        }
    }

    private static GatewayError.Failure missing(String reason) {
        return new GatewayError.Failure(GatewayError.missingAuthenticationToken(reason));
    }
}
