package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON events API Gateway sends to Lambda: the REST REQUEST authorizer event (docs/aws.md#authorizer-event,
 * as recorded from a real REST API) and the v1 AWS_PROXY event (docs/aws.md#aws-proxy). The two differ in one visible way:
 * empty maps are {@code {}} in the authorizer event and {@code null} in the proxy event.
 */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);

    private Events() {}

    static ObjectNode authorizerEvent(Stage stage, GatewayRequest request, GatewayRouter.Route route) {
        ObjectNode event = NODES.objectNode();
        event.put("type", "REQUEST");
        event.put("methodArn", stage.methodArn(request.method(), route.path()));
        event.put("resource", route.resource().path());
        event.put("path", route.path());
        event.put("httpMethod", request.method());
        event.set("headers", singleValues(request.headers(), false));
        event.set("multiValueHeaders", multiValues(request.headers(), false));
        event.set("queryStringParameters", singleValues(request.query(), false));
        event.set("multiValueQueryStringParameters", multiValues(request.query(), false));
        event.set("pathParameters", JSON.valueToTree(route.pathParameters()));
        event.set("stageVariables", NODES.objectNode());
        event.set("requestContext", requestContext(stage, request, route));
        return event;
    }

    static ObjectNode proxyEvent(
            Stage stage, GatewayRequest request, GatewayRouter.Route route, Optional<AuthorizerContext> authorizer) {
        ObjectNode event = NODES.objectNode();
        event.put("resource", route.resource().path());
        event.put("path", route.path());
        event.put("httpMethod", request.method());
        event.set("headers", singleValues(request.headers(), true));
        event.set("multiValueHeaders", multiValues(request.headers(), true));
        event.set("queryStringParameters", singleValues(request.query(), true));
        event.set("multiValueQueryStringParameters", multiValues(request.query(), true));
        event.set(
                "pathParameters",
                route.pathParameters().isEmpty() ? NODES.nullNode() : JSON.valueToTree(route.pathParameters()));
        event.set("stageVariables", NODES.nullNode());
        ObjectNode context = requestContext(stage, request, route);
        authorizer.ifPresent(a -> {
            ObjectNode auth = NODES.objectNode();
            a.values().forEach(auth::put);
            auth.put("principalId", a.principalId());
            auth.put("integrationLatency", a.latencyMillis());
            context.set("authorizer", auth);
        });
        event.set("requestContext", context);
        event.put("body", request.body().length == 0 ? null : new String(request.body(), StandardCharsets.UTF_8));
        event.put("isBase64Encoded", false);
        return event;
    }

    private static ObjectNode requestContext(Stage stage, GatewayRequest request, GatewayRouter.Route route) {
        ObjectNode context = NODES.objectNode();
        context.put("resourceId", route.resource().resourceId());
        context.put("resourcePath", route.resource().path());
        context.put("httpMethod", request.method());
        context.put("extendedRequestId", request.ids().extendedRequestId());
        context.put(
                "requestTime",
                REQUEST_TIME.format(Instant.ofEpochMilli(request.ids().requestTimeEpoch())));
        context.put("path", "/" + stage.name() + route.path());
        context.put("accountId", stage.accountId());
        context.put("protocol", "HTTP/1.1");
        context.put("stage", stage.name());
        context.put("domainPrefix", domainPrefix(request));
        context.put("requestTimeEpoch", request.ids().requestTimeEpoch());
        context.put("requestId", request.ids().requestId());
        ObjectNode identity = context.putObject("identity");
        for (String key : List.of("cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller")) {
            identity.putNull(key);
        }
        identity.put("sourceIp", request.sourceIp());
        for (String key : List.of(
                "principalOrgId",
                "accessKey",
                "cognitoAuthenticationType",
                "cognitoAuthenticationProvider",
                "userArn")) {
            identity.putNull(key);
        }
        identity.put("userAgent", request.userAgent());
        identity.putNull("user");
        context.put("domainName", request.domainName());
        context.put("deploymentId", stage.deploymentId());
        context.put("apiId", stage.apiId());
        return context;
    }

    /**
     * {@code $context.*} variables for mappings and gateway-response templates (without the
     * authorizer and error parts, which the caller adds).
     */
    static Map<String, String> contextVariables(
            Stage stage, GatewayRequest request, Optional<GatewayRouter.Route> route) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("requestId", request.ids().requestId());
        vars.put("extendedRequestId", request.ids().extendedRequestId());
        vars.put(
                "requestTime",
                REQUEST_TIME.format(Instant.ofEpochMilli(request.ids().requestTimeEpoch())));
        vars.put("requestTimeEpoch", Long.toString(request.ids().requestTimeEpoch()));
        vars.put("stage", stage.name());
        vars.put("apiId", stage.apiId());
        vars.put("accountId", stage.accountId());
        vars.put("deploymentId", stage.deploymentId());
        vars.put("httpMethod", request.method());
        vars.put("protocol", "HTTP/1.1");
        vars.put("domainName", request.domainName());
        vars.put("domainPrefix", domainPrefix(request));
        vars.put("identity.sourceIp", request.sourceIp());
        if (request.userAgent() != null) {
            vars.put("identity.userAgent", request.userAgent());
        }
        route.ifPresent(r -> {
            vars.put("resourcePath", r.resource().path());
            vars.put("resourceId", r.resource().resourceId());
            vars.put("path", "/" + stage.name() + r.path());
        });
        return vars;
    }

    private static String domainPrefix(GatewayRequest request) {
        String domain = request.domainName();
        int dot = domain.indexOf('.');
        return dot < 0 ? domain : domain.substring(0, dot);
    }

    /** One value per name, the last one (as other emulators do; which one AWS keeps is unconfirmed). */
    private static JsonNode singleValues(Map<String, List<String>> map, boolean nullWhenEmpty) {
        if (map.isEmpty() && nullWhenEmpty) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        map.forEach((k, v) -> {
            if (!v.isEmpty()) {
                node.put(k, v.get(v.size() - 1));
            }
        });
        return node;
    }

    private static JsonNode multiValues(Map<String, List<String>> map, boolean nullWhenEmpty) {
        if (map.isEmpty() && nullWhenEmpty) {
            return NODES.nullNode();
        }
        ObjectNode node = NODES.objectNode();
        map.forEach((k, v) -> {
            var array = node.putArray(k);
            v.forEach(array::add);
        });
        return node;
    }
}
