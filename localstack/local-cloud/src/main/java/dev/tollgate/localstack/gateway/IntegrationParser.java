package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.localstack.gateway.RestApi.AwsProxyIntegration;
import dev.tollgate.localstack.gateway.RestApi.HttpIntegration;
import dev.tollgate.localstack.gateway.RestApi.Integration;
import dev.tollgate.localstack.gateway.RestApi.IntegrationResponse;
import dev.tollgate.localstack.gateway.RestApi.MockIntegration;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses {@code x-amazon-apigateway-integration} (HTTP, AWS_PROXY, MOCK) with its integration responses,
 * checking mapping sources and targets and that mapped response headers are declared on the method.
 */
final class IntegrationParser {

    static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DefinitionNodes nodes;

    IntegrationParser(DefinitionNodes nodes) {
        this.nodes = nodes;
    }

    Integration parse(JsonNode node, String where, Map<String, Set<String>> declaredHeaders) {
        String type = node.path("type").asText("").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "http" -> httpIntegration(node, where, declaredHeaders);
            case "aws_proxy" -> awsProxyIntegration(node, where);
            case "mock" -> mockIntegration(node, where, declaredHeaders);
            default -> throw nodes.fail(where, "unsupported integration type '" + type + "'");
        };
    }

    private HttpIntegration httpIntegration(JsonNode node, String where, Map<String, Set<String>> declared) {
        URI uri;
        try {
            uri = new URI(node.path("uri").asText(""));
        } catch (URISyntaxException e) {
            throw nodes.fail(where, "uri is not a valid URI");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw nodes.fail(where, "uri must be an absolute http(s) URL");
        }
        String httpMethod = node.path("httpMethod").asText("").toUpperCase(Locale.ROOT);
        if (!VERBS.contains(httpMethod.toLowerCase(Locale.ROOT))) {
            throw nodes.fail(where, "httpMethod '" + httpMethod + "' is not an HTTP verb");
        }
        if (node.path("requestTemplates").size() > 0) {
            throw nodes.fail(where, "request templates (VTL) are not supported by the local gateway");
        }
        String passthrough =
                node.path("passthroughBehavior").asText("when_no_match").toLowerCase(Locale.ROOT);
        if (!Set.of("when_no_match", "when_no_templates", "never").contains(passthrough)) {
            throw nodes.fail(where, "unknown passthroughBehavior '" + passthrough + "'");
        }
        Map<String, String> requestParameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> e :
                nodes.strings(node.path("requestParameters"), where).entrySet()) {
            String target = e.getKey();
            String name;
            if (target.startsWith("integration.request.header.")) {
                name = target.substring("integration.request.header.".length());
                Mappings.problemWithTargetHeader(name).ifPresent(p -> {
                    throw nodes.fail(where + ".requestParameters", p);
                });
            } else if (target.startsWith("integration.request.querystring.")
                    && target.length() > "integration.request.querystring.".length()) {
                name = target;
            } else {
                throw nodes.fail(where + ".requestParameters", "unsupported mapping target '" + target + "'");
            }
            Mappings.problemWith(e.getValue(), Mappings.Use.INTEGRATION_REQUEST).ifPresent(p -> {
                throw nodes.fail(where + ".requestParameters." + target, p);
            });
            requestParameters.put(target, e.getValue());
        }
        int timeoutMillis = node.has("timeoutInMillis")
                ? nodes.parseInt(node.get("timeoutInMillis"), where + ".timeoutInMillis")
                : 29_000;
        if (timeoutMillis < 50 || timeoutMillis > 29_000) {
            throw nodes.fail(where, "timeoutInMillis must be 50..29000");
        }
        return new HttpIntegration(
                uri,
                httpMethod,
                Map.copyOf(requestParameters),
                passthrough.equals("never"),
                Duration.ofMillis(timeoutMillis),
                integrationResponses(node.path("responses"), where, declared));
    }

    private AwsProxyIntegration awsProxyIntegration(JsonNode node, String where) {
        if (!node.path("httpMethod").asText("").equalsIgnoreCase("POST")) {
            throw nodes.fail(where, "a Lambda integration must use httpMethod POST");
        }
        Matcher uri = DefinitionNodes.LAMBDA_URI.matcher(node.path("uri").asText(""));
        if (!uri.matches()) {
            throw nodes.fail(where, "uri is not a Lambda invocation URI");
        }
        return new AwsProxyIntegration(uri.group(1));
    }

    private MockIntegration mockIntegration(JsonNode node, String where, Map<String, Set<String>> declared) {
        int status = 200;
        String template = node.path("requestTemplates").path("application/json").asText(null);
        if (template != null) {
            nodes.requireLiteral(template, where + ".requestTemplates");
            try {
                JsonNode parsed = JSON.readTree(template);
                if (parsed.has("statusCode")) {
                    status = nodes.parseInt(parsed.get("statusCode"), where + ".requestTemplates statusCode");
                }
            } catch (JsonProcessingException e) {
                throw nodes.fail(where + ".requestTemplates", "the application/json template is not JSON");
            }
        }
        return new MockIntegration(status, integrationResponses(node.path("responses"), where, declared));
    }

    private List<IntegrationResponse> integrationResponses(
            JsonNode responses, String where, Map<String, Set<String>> declared) {
        List<IntegrationResponse> result = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : responses.properties()) {
            String at = where + ".responses." + e.getKey();
            Optional<Pattern> pattern = Optional.empty();
            if (!e.getKey().equals("default")) {
                try {
                    pattern = Optional.of(Pattern.compile(e.getKey()));
                } catch (PatternSyntaxException ex) {
                    throw nodes.fail(at, "selection pattern is not a regular expression");
                }
            }
            JsonNode def = e.getValue();
            String status = def.path("statusCode").asText("");
            int statusCode = nodes.parseInt(def.path("statusCode"), at + ".statusCode");
            if (statusCode < 100 || statusCode > 599) {
                throw nodes.fail(at, "statusCode must be 100..599");
            }
            Set<String> declaredHere = declared.getOrDefault(status, Set.of());
            Map<String, String> parameters = nodes.strings(def.path("responseParameters"), at);
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                String target = p.getKey();
                if (!target.startsWith("method.response.header.")) {
                    throw nodes.fail(at, "unsupported mapping target '" + target + "'");
                }
                String header = target.substring("method.response.header.".length());
                Mappings.problemWithTargetHeader(header).ifPresent(problem -> {
                    throw nodes.fail(at, problem);
                });
                if (!declaredHere.contains(header)) {
                    throw nodes.fail(at, "header '" + header + "' is not declared in the method response " + status);
                }
                Mappings.problemWith(p.getValue(), Mappings.Use.INTEGRATION_RESPONSE)
                        .ifPresent(problem -> {
                            throw nodes.fail(at + "." + target, problem);
                        });
            }
            Map<String, String> templates = nodes.strings(def.path("responseTemplates"), at);
            templates.forEach((type, body) -> nodes.requireLiteral(body, at + ".responseTemplates." + type));
            result.add(new IntegrationResponse(pattern, statusCode, Map.copyOf(parameters), Map.copyOf(templates)));
        }
        if (result.isEmpty()) {
            throw nodes.fail(where, "no integration responses");
        }
        return List.copyOf(result);
    }
}
