package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.localstack.api.ApiDefinition;
import dev.tollgate.localstack.api.ApiDefinitionException;
import dev.tollgate.localstack.gateway.RestApi.Authorizer;
import dev.tollgate.localstack.gateway.RestApi.AwsProxyIntegration;
import dev.tollgate.localstack.gateway.RestApi.GatewayResponseDef;
import dev.tollgate.localstack.gateway.RestApi.HttpIntegration;
import dev.tollgate.localstack.gateway.RestApi.Integration;
import dev.tollgate.localstack.gateway.RestApi.IntegrationResponse;
import dev.tollgate.localstack.gateway.RestApi.Method;
import dev.tollgate.localstack.gateway.RestApi.MockIntegration;
import dev.tollgate.localstack.gateway.RestApi.Resource;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns an OpenAPI 3 document with API Gateway's extensions into the {@link RestApi} the gateway runs.
 * It accepts what API Gateway's import accepts for the features the gateway implements and refuses,
 * with a one-line {@link ApiDefinitionException} naming the place, anything it would otherwise have to
 * ignore or guess (VTL templates, unknown integration types, undeclared response headers ...).
 */
final class RestApiParser {

    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    private static final Pattern LAMBDA_URI = Pattern.compile(
            "arn:aws:apigateway:[a-z0-9-]+:lambda:path/2015-03-31/functions/"
                    + "(arn:aws:lambda:[a-z0-9-]+:\\d{12}:function:[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?)/invocations");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@-]+|\\{[A-Za-z0-9_]+\\+?}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;

    private RestApiParser(String source) {
        this.source = source;
    }

    static RestApi parse(ApiDefinition definition) {
        return new RestApiParser(definition.source()).parse(definition.document());
    }

    private RestApi parse(JsonNode doc) {
        String version = doc.path("openapi").asText("");
        if (!version.startsWith("3.")) {
            throw fail("", "only OpenAPI 3 documents are supported (found openapi: '" + version + "')");
        }
        Map<String, Authorizer> authorizers = authorizers(doc.path("components").path("securitySchemes"));
        List<Resource> resources = new ArrayList<>();
        JsonNode paths = object(doc, "paths", "");
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            resources.add(resource(e.getKey(), e.getValue(), authorizers));
        }
        return new RestApi(List.copyOf(resources), gatewayResponses(doc.path("x-amazon-apigateway-gateway-responses")));
    }

    // ---- authorizers ------------------------------------------------------------------------------------

    private Map<String, Authorizer> authorizers(JsonNode schemes) {
        Map<String, Authorizer> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode config = e.getValue().path("x-amazon-apigateway-authorizer");
            if (config.isMissingNode()) {
                continue;
            }
            String where = "components.securitySchemes." + e.getKey();
            String type = config.path("type").asText("");
            if (!type.equalsIgnoreCase("request")) {
                throw fail(where, "only REQUEST authorizers are supported (type: '" + type + "')");
            }
            Matcher uri = LAMBDA_URI.matcher(config.path("authorizerUri").asText(""));
            if (!uri.matches()) {
                throw fail(where, "authorizerUri is not a Lambda invocation URI");
            }
            List<String> identitySources = new ArrayList<>();
            for (String part : config.path("identitySource").asText("").split(",")) {
                String expression = part.strip();
                if (expression.isEmpty()) {
                    continue;
                }
                if (expression.startsWith("method.request.path.") || Mappings.problemWith(expression,
                        Mappings.Use.GATEWAY_RESPONSE).isPresent() || expression.startsWith("'")) {
                    throw fail(where, "unsupported identity source '" + expression + "'");
                }
                identitySources.add(expression);
            }
            JsonNode ttlNode = config.path("authorizerResultTtlInSeconds");
            int ttl = ttlNode.isMissingNode() ? 300 : parseInt(ttlNode, where + ".authorizerResultTtlInSeconds");
            if (ttl < 0 || ttl > 3600) {
                throw fail(where, "authorizerResultTtlInSeconds must be 0..3600");
            }
            if (ttl > 0 && identitySources.isEmpty()) {
                // API Gateway's own rule: a cached REQUEST authorizer needs an identity source (spec 2.4).
                throw fail(where, "a REQUEST authorizer without identitySource needs authorizerResultTtlInSeconds: 0");
            }
            result.put(e.getKey(), new Authorizer(e.getKey(), uri.group(1), List.copyOf(identitySources), ttl));
        }
        return result;
    }

    // ---- resources and methods --------------------------------------------------------------------------

    private Resource resource(String path, JsonNode item, Map<String, Authorizer> authorizers) {
        String where = "paths." + path;
        if (!path.startsWith("/")) {
            throw fail(where, "a path must start with '/'");
        }
        List<String> segments = path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (!SEGMENT.matcher(segment).matches()) {
                throw fail(where, "invalid path segment '" + segment + "'");
            }
            if (segment.endsWith("+}") && i != segments.size() - 1) {
                throw fail(where, "a greedy {name+} segment must be the last one");
            }
        }
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            String verb;
            if (key.equals(ANY_METHOD)) {
                verb = "ANY";
            } else if (VERBS.contains(key)) {
                verb = key.toUpperCase(Locale.ROOT);
            } else if (key.equals("parameters") || key.equals("summary") || key.equals("description")
                    || key.startsWith("x-")) {
                continue;
            } else {
                throw fail(where, "unsupported key '" + key + "'");
            }
            methods.put(verb, method(verb, e.getValue(), where + "." + key, authorizers));
        }
        return new Resource(path, resourceId(path), segments, Map.copyOf(methods));
    }

    private static String resourceId(String path) {
        String id = Integer.toString(Math.floorMod(path.hashCode(), 2_000_000_000), 36);
        return (id + "000000").substring(0, 6);
    }

    private Method method(String verb, JsonNode op, String where, Map<String, Authorizer> authorizers) {
        Optional<Authorizer> authorizer = Optional.empty();
        JsonNode security = op.path("security");
        if (security.isArray()) {
            for (JsonNode requirement : security) {
                for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    Authorizer a = authorizers.get(name);
                    if (a == null) {
                        throw fail(where, "security scheme '" + name + "' is not a Lambda authorizer");
                    }
                    if (authorizer.isPresent() && !authorizer.get().equals(a)) {
                        throw fail(where, "more than one authorizer");
                    }
                    authorizer = Optional.of(a);
                }
            }
        }
        Map<String, Set<String>> declaredHeaders = declaredResponseHeaders(op.path("responses"));
        JsonNode integration = op.path("x-amazon-apigateway-integration");
        if (!integration.isObject()) {
            throw fail(where, "missing x-amazon-apigateway-integration");
        }
        return new Method(verb, authorizer, integration(integration, where + ".x-amazon-apigateway-integration",
                declaredHeaders));
    }

    private Map<String, Set<String>> declaredResponseHeaders(JsonNode responses) {
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            e.getValue().path("headers").fieldNames().forEachRemaining(names::add);
            declared.put(e.getKey(), names);
        }
        return declared;
    }

    // ---- integrations -----------------------------------------------------------------------------------

    private Integration integration(JsonNode node, String where, Map<String, Set<String>> declaredHeaders) {
        String type = node.path("type").asText("").toLowerCase(Locale.ROOT);
        return switch (type) {
            case "http" -> httpIntegration(node, where, declaredHeaders);
            case "aws_proxy" -> awsProxyIntegration(node, where);
            case "mock" -> mockIntegration(node, where, declaredHeaders);
            default -> throw fail(where, "unsupported integration type '" + type + "'");
        };
    }

    private HttpIntegration httpIntegration(JsonNode node, String where, Map<String, Set<String>> declared) {
        URI uri;
        try {
            uri = new URI(node.path("uri").asText(""));
        } catch (URISyntaxException e) {
            throw fail(where, "uri is not a valid URI");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw fail(where, "uri must be an absolute http(s) URL");
        }
        String httpMethod = node.path("httpMethod").asText("").toUpperCase(Locale.ROOT);
        if (!VERBS.contains(httpMethod.toLowerCase(Locale.ROOT))) {
            throw fail(where, "httpMethod '" + httpMethod + "' is not an HTTP verb");
        }
        if (node.path("requestTemplates").size() > 0) {
            throw fail(where, "request templates (VTL) are not supported by the local gateway");
        }
        String passthrough = node.path("passthroughBehavior").asText("when_no_match").toLowerCase(Locale.ROOT);
        if (!Set.of("when_no_match", "when_no_templates", "never").contains(passthrough)) {
            throw fail(where, "unknown passthroughBehavior '" + passthrough + "'");
        }
        Map<String, String> requestParameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : strings(node.path("requestParameters"), where).entrySet()) {
            String target = e.getKey();
            String name;
            if (target.startsWith("integration.request.header.")) {
                name = target.substring("integration.request.header.".length());
                Mappings.problemWithTargetHeader(name).ifPresent(p -> {
                    throw fail(where + ".requestParameters", p);
                });
            } else if (target.startsWith("integration.request.querystring.")
                    && target.length() > "integration.request.querystring.".length()) {
                name = target;
            } else {
                throw fail(where + ".requestParameters", "unsupported mapping target '" + target + "'");
            }
            Mappings.problemWith(e.getValue(), Mappings.Use.INTEGRATION_REQUEST).ifPresent(p -> {
                throw fail(where + ".requestParameters." + target, p);
            });
            requestParameters.put(target, e.getValue());
        }
        int timeoutMillis = node.has("timeoutInMillis")
                ? parseInt(node.get("timeoutInMillis"), where + ".timeoutInMillis") : 29_000;
        if (timeoutMillis < 50 || timeoutMillis > 29_000) {
            throw fail(where, "timeoutInMillis must be 50..29000");
        }
        return new HttpIntegration(uri, httpMethod, Map.copyOf(requestParameters), passthrough.equals("never"),
                Duration.ofMillis(timeoutMillis), integrationResponses(node.path("responses"), where, declared));
    }

    private AwsProxyIntegration awsProxyIntegration(JsonNode node, String where) {
        if (!node.path("httpMethod").asText("").equalsIgnoreCase("POST")) {
            throw fail(where, "a Lambda integration must use httpMethod POST");
        }
        Matcher uri = LAMBDA_URI.matcher(node.path("uri").asText(""));
        if (!uri.matches()) {
            throw fail(where, "uri is not a Lambda invocation URI");
        }
        return new AwsProxyIntegration(uri.group(1));
    }

    private MockIntegration mockIntegration(JsonNode node, String where, Map<String, Set<String>> declared) {
        int status = 200;
        String template = node.path("requestTemplates").path("application/json").asText(null);
        if (template != null) {
            requireLiteral(template, where + ".requestTemplates");
            try {
                JsonNode parsed = JSON.readTree(template);
                if (parsed.has("statusCode")) {
                    status = parseInt(parsed.get("statusCode"), where + ".requestTemplates statusCode");
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw fail(where + ".requestTemplates", "the application/json template is not JSON");
            }
        }
        return new MockIntegration(status, integrationResponses(node.path("responses"), where, declared));
    }

    private List<IntegrationResponse> integrationResponses(JsonNode responses, String where,
            Map<String, Set<String>> declared) {
        List<IntegrationResponse> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = where + ".responses." + e.getKey();
            Optional<Pattern> pattern = Optional.empty();
            if (!e.getKey().equals("default")) {
                try {
                    pattern = Optional.of(Pattern.compile(e.getKey()));
                } catch (PatternSyntaxException ex) {
                    throw fail(at, "selection pattern is not a regular expression");
                }
            }
            JsonNode def = e.getValue();
            String status = def.path("statusCode").asText("");
            int statusCode = parseInt(def.path("statusCode"), at + ".statusCode");
            if (statusCode < 100 || statusCode > 599) {
                throw fail(at, "statusCode must be 100..599");
            }
            Set<String> declaredHere = declared.getOrDefault(status, Set.of());
            Map<String, String> parameters = strings(def.path("responseParameters"), at);
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                String target = p.getKey();
                if (!target.startsWith("method.response.header.")) {
                    throw fail(at, "unsupported mapping target '" + target + "'");
                }
                String header = target.substring("method.response.header.".length());
                Mappings.problemWithTargetHeader(header).ifPresent(problem -> {
                    throw fail(at, problem);
                });
                if (!declaredHere.contains(header)) {
                    throw fail(at, "header '" + header + "' is not declared in the method response " + status);
                }
                Mappings.problemWith(p.getValue(), Mappings.Use.INTEGRATION_RESPONSE).ifPresent(problem -> {
                    throw fail(at + "." + target, problem);
                });
            }
            Map<String, String> templates = strings(def.path("responseTemplates"), at);
            templates.forEach((type, body) -> requireLiteral(body, at + ".responseTemplates." + type));
            result.add(new IntegrationResponse(pattern, statusCode, Map.copyOf(parameters), Map.copyOf(templates)));
        }
        if (result.isEmpty()) {
            throw fail(where, "no integration responses");
        }
        return List.copyOf(result);
    }

    // ---- gateway responses ------------------------------------------------------------------------------

    private Map<String, GatewayResponseDef> gatewayResponses(JsonNode node) {
        Map<String, GatewayResponseDef> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = "x-amazon-apigateway-gateway-responses." + e.getKey();
            if (ResponseType.byName(e.getKey()).isEmpty()) {
                throw fail(at, "unknown gateway response type");
            }
            JsonNode def = e.getValue();
            Optional<Integer> status = def.has("statusCode")
                    ? Optional.of(parseInt(def.get("statusCode"), at + ".statusCode")) : Optional.empty();
            if (status.isPresent() && (status.get() < 100 || status.get() > 599)) {
                throw fail(at, "statusCode must be 100..599");
            }
            Map<String, String> parameters = strings(def.path("responseParameters"), at);
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                if (!p.getKey().startsWith("gatewayresponse.header.")) {
                    throw fail(at, "unsupported mapping target '" + p.getKey() + "'");
                }
                Mappings.problemWithTargetHeader(p.getKey().substring("gatewayresponse.header.".length()))
                        .ifPresent(problem -> {
                            throw fail(at, problem);
                        });
                Mappings.problemWith(p.getValue(), Mappings.Use.GATEWAY_RESPONSE).ifPresent(problem -> {
                    throw fail(at + "." + p.getKey(), problem);
                });
            }
            result.put(e.getKey(), new GatewayResponseDef(status, Map.copyOf(parameters),
                    Map.copyOf(strings(def.path("responseTemplates"), at))));
        }
        return Map.copyOf(result);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void requireLiteral(String template, String where) {
        if (template.contains("$") || template.contains("#")) {
            throw fail(where, "VTL templates are not supported by the local gateway (only literal bodies)");
        }
    }

    private Map<String, String> strings(JsonNode node, String where) {
        Map<String, String> result = new LinkedHashMap<>();
        if (node.isMissingNode() || node.isNull()) {
            return result;
        }
        if (!node.isObject()) {
            throw fail(where, "expected a mapping");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw fail(where + "." + e.getKey(), "expected a string");
            }
            result.put(e.getKey(), e.getValue().asText());
        }
        return result;
    }

    private JsonNode object(JsonNode parent, String key, String where) {
        JsonNode node = parent.path(key);
        if (!node.isObject()) {
            throw fail(where.isEmpty() ? key : where + "." + key, "expected a mapping");
        }
        return node;
    }

    private int parseInt(JsonNode node, String where) {
        if (node.isInt()) {
            return node.intValue();
        }
        if (node.isTextual() && node.asText().matches("\\d{1,9}")) {
            return Integer.parseInt(node.asText());
        }
        throw fail(where, "expected an integer");
    }

    private ApiDefinitionException fail(String where, String problem) {
        return new ApiDefinitionException(source + (where.isEmpty() ? "" : ": " + where) + ": " + problem);
    }
}
