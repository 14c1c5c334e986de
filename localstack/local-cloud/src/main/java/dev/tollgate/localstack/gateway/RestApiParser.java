package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.localstack.gateway.RestApi.Authorizer;
import dev.tollgate.localstack.gateway.RestApi.GatewayResponseDef;
import dev.tollgate.localstack.gateway.RestApi.Method;
import dev.tollgate.localstack.gateway.RestApi.Resource;
import dev.tollgate.stack.ApiDefinition;
import dev.tollgate.stack.ApiDefinitionException;
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

/**
 * Turns an OpenAPI 3 document with API Gateway's extensions into the {@link RestApi} the gateway runs.
 * It accepts what API Gateway's import accepts for the features the gateway implements and refuses,
 * with a one-line {@link ApiDefinitionException} naming the place, anything it would otherwise have to
 * ignore or guess (VTL templates, unknown integration types, undeclared response headers ...).
 */
final class RestApiParser {

    private static final String ANY_METHOD = "x-amazon-apigateway-any-method";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@-]+|\\{[A-Za-z0-9_]+\\+?}");

    private final DefinitionNodes nodes;
    private final IntegrationParser integrations;

    private RestApiParser(String source) {
        this.nodes = new DefinitionNodes(source);
        this.integrations = new IntegrationParser(nodes);
    }

    static RestApi parse(ApiDefinition definition) {
        return new RestApiParser(definition.source()).parse(definition.document());
    }

    private RestApi parse(JsonNode doc) {
        String version = doc.path("openapi").asText("");
        if (!version.startsWith("3.")) {
            throw nodes.fail("", "only OpenAPI 3 documents are supported (found openapi: '" + version + "')");
        }
        Map<String, Authorizer> authorizers = authorizers(doc.path("components").path("securitySchemes"));
        List<Resource> resources = new ArrayList<>();
        JsonNode paths = nodes.object(doc, "paths", "");
        for (Map.Entry<String, JsonNode> e : paths.properties()) {
            resources.add(resource(e.getKey(), e.getValue(), authorizers));
        }
        return new RestApi(List.copyOf(resources), gatewayResponses(doc.path("x-amazon-apigateway-gateway-responses")));
    }

    // ---- authorizers ------------------------------------------------------------------------------------

    private Map<String, Authorizer> authorizers(JsonNode schemes) {
        Map<String, Authorizer> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : schemes.properties()) {
            JsonNode config = e.getValue().path("x-amazon-apigateway-authorizer");
            if (config.isMissingNode()) {
                continue;
            }
            String where = "components.securitySchemes." + e.getKey();
            String type = config.path("type").asText("");
            if (!type.equalsIgnoreCase("request")) {
                throw nodes.fail(where, "only REQUEST authorizers are supported (type: '" + type + "')");
            }
            Matcher uri = DefinitionNodes.LAMBDA_URI.matcher(
                    config.path("authorizerUri").asText(""));
            if (!uri.matches()) {
                throw nodes.fail(where, "authorizerUri is not a Lambda invocation URI");
            }
            List<String> identitySources = new ArrayList<>();
            for (String part : config.path("identitySource").asText("").split(",")) {
                String expression = part.strip();
                if (expression.isEmpty()) {
                    continue;
                }
                if (expression.startsWith("method.request.path.")
                        || Mappings.problemWith(expression, Mappings.Use.GATEWAY_RESPONSE)
                                .isPresent()
                        || expression.startsWith("'")) {
                    throw nodes.fail(where, "unsupported identity source '" + expression + "'");
                }
                identitySources.add(expression);
            }
            JsonNode ttlNode = config.path("authorizerResultTtlInSeconds");
            int ttl = ttlNode.isMissingNode() ? 300 : nodes.parseInt(ttlNode, where + ".authorizerResultTtlInSeconds");
            if (ttl < 0 || ttl > 3600) {
                throw nodes.fail(where, "authorizerResultTtlInSeconds must be 0..3600");
            }
            if (ttl > 0 && identitySources.isEmpty()) {
                // API Gateway's own rule: a cached REQUEST authorizer needs an identity source
                // (docs/aws.md#authorizer-caching).
                throw nodes.fail(
                        where, "a REQUEST authorizer without identitySource needs authorizerResultTtlInSeconds: 0");
            }
            result.put(e.getKey(), new Authorizer(e.getKey(), uri.group(1), List.copyOf(identitySources), ttl));
        }
        return result;
    }

    // ---- resources and methods --------------------------------------------------------------------------

    private Resource resource(String path, JsonNode item, Map<String, Authorizer> authorizers) {
        String where = "paths." + path;
        if (!path.startsWith("/")) {
            throw nodes.fail(where, "a path must start with '/'");
        }
        List<String> segments =
                path.equals("/") ? List.of() : List.of(path.substring(1).split("/", -1));
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (!SEGMENT.matcher(segment).matches()) {
                throw nodes.fail(where, "invalid path segment '" + segment + "'");
            }
            if (segment.endsWith("+}") && i != segments.size() - 1) {
                throw nodes.fail(where, "a greedy {name+} segment must be the last one");
            }
        }
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : item.properties()) {
            String key = e.getKey();
            String verb;
            if (key.equals(ANY_METHOD)) {
                verb = "ANY";
            } else if (IntegrationParser.VERBS.contains(key)) {
                verb = key.toUpperCase(Locale.ROOT);
            } else if (key.equals("parameters")
                    || key.equals("summary")
                    || key.equals("description")
                    || key.startsWith("x-")) {
                continue;
            } else {
                throw nodes.fail(where, "unsupported key '" + key + "'");
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
                        throw nodes.fail(where, "security scheme '" + name + "' is not a Lambda authorizer");
                    }
                    if (authorizer.isPresent() && !authorizer.get().equals(a)) {
                        throw nodes.fail(where, "more than one authorizer");
                    }
                    authorizer = Optional.of(a);
                }
            }
        }
        Map<String, Set<String>> declaredHeaders = declaredResponseHeaders(op.path("responses"));
        JsonNode integration = op.path("x-amazon-apigateway-integration");
        if (!integration.isObject()) {
            throw nodes.fail(where, "missing x-amazon-apigateway-integration");
        }
        return new Method(
                verb,
                authorizer,
                integrations.parse(integration, where + ".x-amazon-apigateway-integration", declaredHeaders));
    }

    private Map<String, Set<String>> declaredResponseHeaders(JsonNode responses) {
        Map<String, Set<String>> declared = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : responses.properties()) {
            Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            e.getValue().path("headers").fieldNames().forEachRemaining(names::add);
            declared.put(e.getKey(), names);
        }
        return declared;
    }

    // ---- gateway responses ------------------------------------------------------------------------------

    private Map<String, GatewayResponseDef> gatewayResponses(JsonNode node) {
        Map<String, GatewayResponseDef> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String at = "x-amazon-apigateway-gateway-responses." + e.getKey();
            if (ResponseType.byName(e.getKey()).isEmpty()) {
                throw nodes.fail(at, "unknown gateway response type");
            }
            JsonNode def = e.getValue();
            Optional<Integer> status = def.has("statusCode")
                    ? Optional.of(nodes.parseInt(def.get("statusCode"), at + ".statusCode"))
                    : Optional.empty();
            if (status.isPresent() && (status.get() < 100 || status.get() > 599)) {
                throw nodes.fail(at, "statusCode must be 100..599");
            }
            Map<String, String> parameters = nodes.strings(def.path("responseParameters"), at);
            for (Map.Entry<String, String> p : parameters.entrySet()) {
                if (!p.getKey().startsWith("gatewayresponse.header.")) {
                    throw nodes.fail(at, "unsupported mapping target '" + p.getKey() + "'");
                }
                Mappings.problemWithTargetHeader(p.getKey().substring("gatewayresponse.header.".length()))
                        .ifPresent(problem -> {
                            throw nodes.fail(at, problem);
                        });
                Mappings.problemWith(p.getValue(), Mappings.Use.GATEWAY_RESPONSE)
                        .ifPresent(problem -> {
                            throw nodes.fail(at + "." + p.getKey(), problem);
                        });
            }
            result.put(
                    e.getKey(),
                    new GatewayResponseDef(
                            status,
                            Map.copyOf(parameters),
                            Map.copyOf(nodes.strings(def.path("responseTemplates"), at))));
        }
        return Map.copyOf(result);
    }
}
