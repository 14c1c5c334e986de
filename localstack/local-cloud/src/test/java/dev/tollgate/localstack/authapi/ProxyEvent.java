package dev.tollgate.localstack.authapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A REST API (payload v1) proxy event as API Gateway sends it for {@code ANY /auth/{proxy+}}: the path
 * without the stage, both header maps, the request context with the staged path.
 */
final class ProxyEvent {

    static final ObjectMapper JSON = new ObjectMapper();

    private ProxyEvent() {}

    static String json(
            String method, String path, String query, Map<String, List<String>> headers, String body, String stage) {
        ObjectNode event = JSON.createObjectNode();
        event.put("resource", "/auth/{proxy+}");
        event.put("path", path);
        event.put("httpMethod", method);
        ObjectNode single = event.putObject("headers");
        ObjectNode multi = event.putObject("multiValueHeaders");
        headers.forEach((name, values) -> {
            single.put(name, values.get(values.size() - 1));
            ArrayNode all = multi.putArray(name);
            values.forEach(all::add);
        });
        if (query == null) {
            event.putNull("queryStringParameters");
            event.putNull("multiValueQueryStringParameters");
        } else {
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
            ObjectNode q = event.putObject("queryStringParameters");
            ObjectNode mq = event.putObject("multiValueQueryStringParameters");
            params.forEach((k, v) -> {
                q.put(k, v);
                mq.putArray(k).add(v);
            });
        }
        event.putObject("pathParameters").put("proxy", path.replaceFirst("^/auth/", ""));
        event.putNull("stageVariables");
        ObjectNode context = event.putObject("requestContext");
        context.put("resourcePath", "/auth/{proxy+}");
        context.put("httpMethod", method);
        context.put("path", stage + path);
        context.put("stage", stage.substring(1));
        context.put("requestId", UUID.randomUUID().toString());
        context.put("accountId", "000000000000");
        context.put("apiId", "tollgate");
        context.put("protocol", "HTTP/1.1");
        context.put("requestTimeEpoch", System.currentTimeMillis());
        context.putObject("identity").put("sourceIp", "127.0.0.1");
        if (body == null) {
            event.putNull("body");
        } else {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event.toString();
    }
}
