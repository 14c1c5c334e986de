package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.localstack.gateway.GatewayError.Failure;
import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import dev.tollgate.localstack.gateway.RestApi.AwsProxyIntegration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * AWS_PROXY integration (docs/aws.md#authorizer-event, #set-cookie, #aws-proxy): the v1 proxy event goes to the function, and
 * its answer becomes the response. {@code headers} and {@code multiValueHeaders} are merged with the
 * multi-value list winning for a name present in both, one header line per value: several
 * {@code Set-Cookie} values stay separate lines. A function error or malformed output is a 502.
 */
final class AwsProxyCall {

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final Stage stage;
    private final LambdaInvoker invoker;

    AwsProxyCall(Stage stage, LambdaInvoker invoker) {
        this.stage = stage;
        this.invoker = invoker;
    }

    Reply call(
            AwsProxyIntegration integration,
            GatewayRequest request,
            GatewayRouter.Route route,
            Optional<AuthorizerContext> authorizer) {
        String event = Events.proxyEvent(stage, request, route, authorizer).toString();
        Invocation invocation = Invocations.call(invoker, integration.functionArn(), event);
        if (invocation instanceof Invocation.FunctionError error) {
            throw malformed("function error " + error.errorType());
        }
        if (invocation instanceof Invocation.Failed failed) {
            throw malformed("invocation failed: " + failed.reason());
        }
        return toReply(((Invocation.Success) invocation).payloadJson());
    }

    static Reply toReply(String payload) {
        JsonNode root;
        try {
            root = payload == null ? null : Events.JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw malformed("proxy response is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("proxy response is not a JSON object");
        }
        Reply.Builder reply = Reply.status(statusCode(root.get("statusCode")));

        JsonNode multi = optionalObject(root, "multiValueHeaders");
        Set<String> multiNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        multi.fieldNames().forEachRemaining(multiNames::add);
        boolean contentType = false;
        for (Map.Entry<String, JsonNode> e : optionalObject(root, "headers").properties()) {
            if (!multiNames.contains(e.getKey())) {
                reply.header(remap(e.getKey()), scalar(e.getValue(), "headers." + e.getKey()));
                contentType |= e.getKey().equalsIgnoreCase("Content-Type");
            }
        }
        for (Map.Entry<String, JsonNode> e : multi.properties()) {
            if (e.getValue().isNull()) {
                continue;
            }
            if (!e.getValue().isArray()) {
                throw malformed("multiValueHeaders." + e.getKey() + " is not a list");
            }
            for (JsonNode value : e.getValue()) {
                reply.header(remap(e.getKey()), scalar(value, "multiValueHeaders." + e.getKey()));
            }
            contentType |=
                    e.getKey().equalsIgnoreCase("Content-Type") && !e.getValue().isEmpty();
        }
        if (!contentType) {
            reply.header("Content-Type", "application/json");
        }
        return reply.body(body(root)).build();
    }

    private static int statusCode(JsonNode node) {
        int status;
        if (node != null && node.isInt()) {
            status = node.intValue();
        } else if (node != null && node.isTextual() && node.asText().matches("\\d{3}")) {
            status = Integer.parseInt(node.asText());
        } else {
            throw malformed("statusCode is missing or not an integer");
        }
        if (status < 100 || status > 599) {
            throw malformed("statusCode out of range");
        }
        return status;
    }

    private static byte[] body(JsonNode root) {
        JsonNode body = root.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (!body.isTextual()) {
            throw malformed("body is not a string");
        }
        JsonNode base64 = root.get("isBase64Encoded");
        if (base64 != null && !base64.isNull() && !base64.isBoolean()) {
            throw malformed("isBase64Encoded is not a boolean");
        }
        if (base64 != null && base64.asBoolean()) {
            try {
                return Base64.getDecoder().decode(body.asText());
            } catch (IllegalArgumentException e) {
                throw malformed("body is not valid base64");
            }
        }
        return body.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode optionalObject(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return Events.JSON.createObjectNode();
        }
        if (!node.isObject()) {
            throw malformed(field + " is not an object");
        }
        return node;
    }

    private static String scalar(JsonNode value, String where) {
        if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
            throw malformed(where + " is not a string");
        }
        String text = value.asText();
        if (text.chars().anyMatch(c -> c < 32 && c != '\t' || c == 127)) {
            throw malformed(where + " contains a control character");
        }
        return text;
    }

    private static String remap(String name) {
        if (!HEADER_NAME.matcher(name).matches()) {
            throw malformed("header name '" + name.replaceAll("\\p{Cntrl}", "?") + "' is not an HTTP token");
        }
        return RemappedHeaders.clientName(name);
    }

    private static Failure malformed(String reason) {
        return new Failure(GatewayError.lambdaProxyFailure(reason));
    }
}
