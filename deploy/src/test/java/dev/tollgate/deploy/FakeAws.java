package dev.tollgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback endpoint that answers the AWS API calls the deployer makes, in each service's own wire
 * protocol (query/XML for IAM and STS, REST-XML for S3, REST-JSON for Lambda, AppSync and API Gateway,
 * JSON 1.0 for DynamoDB), keeps just enough state for re-runs and destroy, and records every call.
 * The service is read from the SigV4 credential scope, as AWS's own front ends do.
 */
final class FakeAws implements AutoCloseable {

    /** One recorded call. {@code operation} is the AWS operation name. */
    record Call(String service, String operation, String method, String path, String query, String body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/[^/]+/([a-z0-9-]+)/aws4_request");
    static final String ACCOUNT = "000000000000";

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger ids = new AtomicInteger();
    private volatile String failOperation;

    // state, by name
    final Map<String, String> roles = new TreeMap<>();
    final Map<String, ObjectNode> functions = new TreeMap<>();
    final Map<String, Map<String, String>> permissions = new TreeMap<>();
    final Map<String, ObjectNode> tables = new TreeMap<>();
    final Map<String, ObjectNode> graphqlApis = new TreeMap<>();
    final Map<String, List<ObjectNode>> apiKeys = new TreeMap<>();
    final Map<String, ObjectNode> dataSources = new TreeMap<>();
    final Map<String, ObjectNode> resolvers = new TreeMap<>();
    final Map<String, ObjectNode> restApis = new TreeMap<>();
    final Map<String, List<ObjectNode>> authorizers = new TreeMap<>();
    final Map<String, Map<String, byte[]>> buckets = new TreeMap<>();

    FakeAws() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    void clearCalls() {
        calls.clear();
    }

    /** Makes the named operation answer 400 until {@link #failOn(String)} is called with null. */
    void failOn(String operation) {
        this.failOperation = operation;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            Matcher m = auth == null ? null : SCOPE.matcher(auth);
            if (m == null || !m.find()) {
                reply(ex, 403, "application/json", "{\"message\":\"missing SigV4 Authorization\"}");
                return;
            }
            String service = m.group(1);
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String sha = ex.getRequestHeaders().getFirst("x-amz-content-sha256");
            if (sha != null && sha.startsWith("STREAMING-")) {
                body = decodeAwsChunked(body);
            }
            String path = ex.getRequestURI().getRawPath();
            String query = ex.getRequestURI().getRawQuery() == null
                    ? ""
                    : ex.getRequestURI().getRawQuery();
            Response r = switch (service) {
                case "sts", "iam" -> query(service, ex, form(body), path, query, body);
                case "dynamodb" -> dynamo(ex, path, query, body);
                case "lambda" -> lambda(ex.getRequestMethod(), path, query, body);
                case "appsync" -> appsync(ex.getRequestMethod(), path, query, body);
                case "apigateway" -> apigateway(ex.getRequestMethod(), path, query, body);
                case "s3" -> s3(ex.getRequestMethod(), path, query, body);
                default ->
                    new Response(
                            "?",
                            400,
                            "application/json",
                            "{\"message\":\"unknown service " + service + "\"}",
                            Map.of());
            };
            calls.add(new Call(service, r.operation, ex.getRequestMethod(), path, query, body));
            if (r.operation.equals(failOperation)) {
                reply(
                        ex,
                        400,
                        "application/json",
                        "{\"message\":\"injected failure\"}",
                        Map.of("x-amzn-ErrorType", "BadRequestException"));
                return;
            }
            reply(ex, r.status, r.contentType, r.body, r.headers);
        } catch (RuntimeException e) {
            reply(ex, 500, "text/plain", "fake failed: " + e);
        }
    }

    private record Response(
            String operation, int status, String contentType, String body, Map<String, String> headers) {
        static Response json(String op, int status, Object body) {
            return new Response(op, status, "application/json", body == null ? "" : body.toString(), Map.of());
        }

        static Response error(String op, int status, String type, String message) {
            return new Response(
                    op,
                    status,
                    "application/json",
                    JSON.createObjectNode()
                            .put("message", message)
                            .put("Message", message)
                            .toString(),
                    Map.of("x-amzn-ErrorType", type));
        }

        static Response xml(String op, int status, String body) {
            return new Response(op, status, "text/xml", body, Map.of());
        }
    }

    // ---- IAM and STS: query protocol, XML answers ---------------------------------------------------

    private Response query(
            String service, HttpExchange ex, Map<String, String> form, String path, String q, String body) {
        String action = form.getOrDefault("Action", "?");
        String ns = service.equals("sts")
                ? "https://sts.amazonaws.com/doc/2011-06-15/"
                : "https://iam.amazonaws.com/doc/2010-05-08/";
        String role = form.get("RoleName");
        switch (action) {
            case "GetCallerIdentity":
                return Response.xml(
                        action,
                        200,
                        wrap(
                                action,
                                ns,
                                "<Arn>arn:aws:iam::" + ACCOUNT + ":user/test</Arn>"
                                        + "<UserId>AIDTEST</UserId><Account>" + ACCOUNT + "</Account>"));
            case "GetRole":
                return roles.containsKey(role)
                        ? Response.xml(action, 200, wrap(action, ns, roleXml(role)))
                        : iamError(action, role);
            case "CreateRole":
                roles.put(role, form.get("AssumeRolePolicyDocument"));
                return Response.xml(action, 200, wrap(action, ns, roleXml(role)));
            case "UpdateAssumeRolePolicy", "AttachRolePolicy", "PutRolePolicy", "DetachRolePolicy", "DeleteRolePolicy":
                return roles.containsKey(role)
                        ? Response.xml(action, 200, wrap(action, ns, null))
                        : iamError(action, role);
            case "DeleteRole":
                return roles.remove(role) != null
                        ? Response.xml(action, 200, wrap(action, ns, null))
                        : iamError(action, role);
            default:
                return Response.xml(
                        action,
                        400,
                        "<ErrorResponse><Error><Code>InvalidAction</Code><Message>" + action
                                + "</Message></Error></ErrorResponse>");
        }
    }

    private static String wrap(String action, String ns, String result) {
        return "<" + action + "Response xmlns=\"" + ns + "\">"
                + (result == null ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
                + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></" + action + "Response>";
    }

    private static String roleXml(String role) {
        return "<Role><Path>/</Path><RoleName>" + role + "</RoleName><RoleId>AROA" + role.length()
                + "</RoleId><Arn>arn:aws:iam::" + ACCOUNT + ":role/" + role
                + "</Arn><CreateDate>2026-11-26T00:00:00Z</CreateDate></Role>";
    }

    private static Response iamError(String action, String role) {
        return Response.xml(
                action,
                404,
                "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
                        + "<Code>NoSuchEntity</Code><Message>The role with name " + role
                        + " cannot be found.</Message></Error>"
                        + "<RequestId>req-1</RequestId></ErrorResponse>");
    }

    // ---- DynamoDB: JSON 1.0 ---------------------------------------------------------------------------

    private Response dynamo(HttpExchange ex, String path, String q, String body) {
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        String op = target == null ? "?" : target.substring(target.indexOf('.') + 1);
        JsonNode req = readJson(body);
        String name = req.path("TableName").asText();
        ObjectNode table = tables.get(name);
        switch (op) {
            case "DescribeTable":
                return table == null
                        ? dynamoNotFound(op)
                        : Response.json(op, 200, JSON.createObjectNode().set("Table", table));
            case "CreateTable": {
                ObjectNode t = JSON.createObjectNode().put("TableName", name).put("TableStatus", "ACTIVE");
                t.set("KeySchema", req.get("KeySchema"));
                t.set("AttributeDefinitions", req.get("AttributeDefinitions"));
                t.put("TableArn", "arn:aws:dynamodb:us-east-1:" + ACCOUNT + ":table/" + name);
                tables.put(name, t);
                return Response.json(op, 200, JSON.createObjectNode().set("TableDescription", t));
            }
            case "DeleteTable":
                return tables.remove(name) == null
                        ? dynamoNotFound(op)
                        : Response.json(op, 200, JSON.createObjectNode().set("TableDescription", table));
            default:
                return dynamoNotFound(op);
        }
    }

    private static Response dynamoNotFound(String op) {
        return Response.json(
                op,
                400,
                JSON.createObjectNode()
                        .put("__type", "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException")
                        .put("message", "Requested resource not found"));
    }

    // ---- Lambda: REST-JSON ----------------------------------------------------------------------------

    private static final Pattern FN = Pattern.compile("/2015-03-31/functions/([^/]+)(/.*)?");

    private Response lambda(String method, String path, String q, String body) {
        if (method.equals("POST") && path.equals("/2015-03-31/functions")) {
            JsonNode req = readJson(body);
            String name = req.path("FunctionName").asText();
            ObjectNode conf = JSON.createObjectNode()
                    .put("FunctionName", name)
                    .put("FunctionArn", "arn:aws:lambda:us-east-1:" + ACCOUNT + ":function:" + name)
                    .put("Runtime", req.path("Runtime").asText())
                    .put("Handler", req.path("Handler").asText())
                    .put("Role", req.path("Role").asText())
                    .put("State", "Active")
                    .put("LastUpdateStatus", "Successful");
            conf.set("Environment", req.path("Environment"));
            functions.put(name, conf);
            return Response.json("CreateFunction", 201, conf);
        }
        Matcher m = FN.matcher(path);
        if (!m.matches()) {
            return Response.error("?", 404, "UnknownOperationException", path);
        }
        String name = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        String rest = m.group(2) == null ? "" : m.group(2);
        ObjectNode conf = functions.get(name);
        String op = switch (method + " " + rest.replaceAll("/policy/.+", "/policy/{sid}")) {
            case "GET " -> "GetFunction";
            case "PUT /code" -> "UpdateFunctionCode";
            case "PUT /configuration" -> "UpdateFunctionConfiguration";
            case "POST /policy" -> "AddPermission";
            case "DELETE /policy/{sid}" -> "RemovePermission";
            case "DELETE " -> "DeleteFunction";
            default -> "?";
        };
        if (conf == null) {
            return Response.error(op, 404, "ResourceNotFoundException", "Function not found: " + name);
        }
        switch (op) {
            case "GetFunction":
                return Response.json(op, 200, JSON.createObjectNode().set("Configuration", conf));
            case "UpdateFunctionCode":
                return Response.json(op, 200, conf);
            case "UpdateFunctionConfiguration": {
                JsonNode req = readJson(body);
                conf.set("Environment", req.path("Environment"));
                return Response.json(op, 200, conf);
            }
            case "AddPermission": {
                JsonNode req = readJson(body);
                permissions
                        .computeIfAbsent(name, k -> new TreeMap<>())
                        .put(req.path("StatementId").asText(), body);
                return Response.json(op, 201, JSON.createObjectNode().put("Statement", body));
            }
            case "RemovePermission": {
                String sid = URLDecoder.decode(rest.substring("/policy/".length()), StandardCharsets.UTF_8);
                Map<String, String> p = permissions.getOrDefault(name, new TreeMap<>());
                return p.remove(sid) == null
                        ? Response.error(op, 404, "ResourceNotFoundException", "no statement " + sid)
                        : Response.json(op, 204, null);
            }
            case "DeleteFunction":
                functions.remove(name);
                permissions.remove(name);
                return Response.json(op, 204, null);
            default:
                return Response.error(op, 404, "UnknownOperationException", method + " " + path);
        }
    }

    // ---- AppSync: REST-JSON ---------------------------------------------------------------------------

    private static final Pattern API = Pattern.compile("/v1/apis/([^/]+)(/.*)?");

    private Response appsync(String method, String path, String q, String body) {
        if (path.equals("/v1/apis")) {
            if (method.equals("GET")) {
                ArrayNode list = JSON.createArrayNode();
                graphqlApis.values().forEach(list::add);
                return Response.json(
                        "ListGraphqlApis", 200, JSON.createObjectNode().set("graphqlApis", list));
            }
            String id = "gql" + ids.incrementAndGet();
            ObjectNode api = JSON.createObjectNode()
                    .put("apiId", id)
                    .put("name", readJson(body).path("name").asText())
                    .put(
                            "authenticationType",
                            readJson(body).path("authenticationType").asText());
            api.putObject("uris").put("GRAPHQL", "https://" + id + ".appsync-api.us-east-1.amazonaws.com/graphql");
            graphqlApis.put(id, api);
            return Response.json(
                    "CreateGraphqlApi", 200, JSON.createObjectNode().set("graphqlApi", api));
        }
        Matcher m = API.matcher(path);
        if (!m.matches() || !graphqlApis.containsKey(m.group(1))) {
            return Response.error("?", 404, "NotFoundException", "no api " + path);
        }
        String id = m.group(1);
        String rest = m.group(2) == null ? "" : m.group(2);
        if (rest.equals("") && method.equals("DELETE")) {
            graphqlApis.remove(id);
            dataSources.keySet().removeIf(k -> k.startsWith(id + "/"));
            resolvers.keySet().removeIf(k -> k.startsWith(id + "/"));
            return Response.json("DeleteGraphqlApi", 200, JSON.createObjectNode());
        }
        if (rest.equals("/schemacreation")) {
            return method.equals("POST")
                    ? Response.json(
                            "StartSchemaCreation", 200, JSON.createObjectNode().put("status", "PROCESSING"))
                    : Response.json(
                            "GetSchemaCreationStatus",
                            200,
                            JSON.createObjectNode().put("status", "SUCCESS"));
        }
        if (rest.equals("/apikeys")) {
            List<ObjectNode> keys = apiKeys.computeIfAbsent(id, k -> new ArrayList<>());
            if (method.equals("GET")) {
                ArrayNode list = JSON.createArrayNode();
                keys.forEach(list::add);
                return Response.json("ListApiKeys", 200, JSON.createObjectNode().set("apiKeys", list));
            }
            ObjectNode key = JSON.createObjectNode()
                    .put("id", "da2-fakekey" + ids.incrementAndGet())
                    .put("expires", readJson(body).path("expires").asLong());
            keys.add(key);
            return Response.json("CreateApiKey", 200, JSON.createObjectNode().set("apiKey", key));
        }
        if (rest.equals("/datasources") && method.equals("POST")) {
            ObjectNode ds = (ObjectNode) readJson(body);
            dataSources.put(id + "/" + ds.path("name").asText(), ds);
            return Response.json(
                    "CreateDataSource", 200, JSON.createObjectNode().set("dataSource", ds));
        }
        if (rest.startsWith("/datasources/")) {
            String key = id + "/" + rest.substring("/datasources/".length());
            String op = method.equals("GET") ? "GetDataSource" : "UpdateDataSource";
            if (!dataSources.containsKey(key)) {
                return Response.error(op, 404, "NotFoundException", "no data source " + key);
            }
            if (method.equals("POST")) {
                dataSources.put(key, (ObjectNode) readJson(body));
            }
            return Response.json(op, 200, JSON.createObjectNode().set("dataSource", dataSources.get(key)));
        }
        Matcher r = Pattern.compile("/types/([^/]+)/resolvers(?:/([^/]+))?").matcher(rest);
        if (r.matches()) {
            if (r.group(2) == null) {
                ObjectNode res = (ObjectNode) readJson(body);
                res.put("typeName", r.group(1));
                resolvers.put(
                        id + "/" + r.group(1) + "." + res.path("fieldName").asText(), res);
                return Response.json(
                        "CreateResolver", 200, JSON.createObjectNode().set("resolver", res));
            }
            String key = id + "/" + r.group(1) + "." + r.group(2);
            String op = method.equals("GET") ? "GetResolver" : "UpdateResolver";
            if (!resolvers.containsKey(key)) {
                return Response.error(op, 404, "NotFoundException", "no resolver " + key);
            }
            if (method.equals("POST")) {
                resolvers.put(key, (ObjectNode) readJson(body));
            }
            return Response.json(op, 200, JSON.createObjectNode().set("resolver", resolvers.get(key)));
        }
        return Response.error("?", 404, "NotFoundException", method + " " + path);
    }

    // ---- API Gateway: REST-JSON -----------------------------------------------------------------------

    private static final Pattern REST = Pattern.compile("/restapis/([^/]+)(/.*)?");

    private Response apigateway(String method, String path, String q, String body) {
        if (path.equals("/restapis")) {
            if (method.equals("GET")) {
                ArrayNode list = JSON.createArrayNode();
                restApis.values().forEach(list::add);
                return Response.json("GetRestApis", 200, JSON.createObjectNode().set("item", list));
            }
            String id = "rest" + ids.incrementAndGet();
            ObjectNode api = JSON.createObjectNode()
                    .put("id", id)
                    .put("name", readJson(body).path("name").asText());
            restApis.put(id, api);
            return Response.json("CreateRestApi", 201, api);
        }
        Matcher m = REST.matcher(path);
        if (!m.matches() || !restApis.containsKey(m.group(1))) {
            return Response.error("?", 404, "NotFoundException", "Invalid API identifier specified");
        }
        String id = m.group(1);
        String rest = m.group(2) == null ? "" : m.group(2);
        if (rest.isEmpty() && method.equals("PUT")) {
            restApis.get(id).put("definition", body);
            authorizers.put(id, authorizersOf(readJson(body)));
            return Response.json("PutRestApi", 200, restApis.get(id));
        }
        if (rest.isEmpty() && method.equals("DELETE")) {
            restApis.remove(id);
            authorizers.remove(id);
            return Response.json("DeleteRestApi", 202, null);
        }
        if (rest.equals("/authorizers")) {
            ArrayNode list = JSON.createArrayNode();
            authorizers.getOrDefault(id, List.of()).forEach(list::add);
            return Response.json("GetAuthorizers", 200, JSON.createObjectNode().set("item", list));
        }
        if (rest.startsWith("/authorizers/") && method.equals("PATCH")) {
            String aid = rest.substring("/authorizers/".length());
            for (ObjectNode a : authorizers.getOrDefault(id, List.of())) {
                if (a.path("id").asText().equals(aid)) {
                    for (JsonNode op : readJson(body).path("patchOperations")) {
                        if (op.path("path").asText().equals("/authorizerResultTtlInSeconds")) {
                            a.put(
                                    "authorizerResultTtlInSeconds",
                                    op.path("value").asInt());
                        }
                    }
                    return Response.json("UpdateAuthorizer", 200, a);
                }
            }
            return Response.error("UpdateAuthorizer", 404, "NotFoundException", "no authorizer " + aid);
        }
        if (rest.startsWith("/gatewayresponses/") && method.equals("PUT")) {
            ObjectNode gr = (ObjectNode) readJson(body);
            gr.put("responseType", rest.substring("/gatewayresponses/".length()));
            return Response.json("PutGatewayResponse", 201, gr);
        }
        if (rest.equals("/deployments") && method.equals("POST")) {
            return Response.json(
                    "CreateDeployment", 201, JSON.createObjectNode().put("id", "dep" + ids.incrementAndGet()));
        }
        return Response.error("?", 404, "NotFoundException", method + " " + path);
    }

    /** Like API Gateway's import: one authorizer per security scheme, TTL as written (300 when absent). */
    private List<ObjectNode> authorizersOf(JsonNode definition) {
        List<ObjectNode> out = new ArrayList<>();
        definition.path("components").path("securitySchemes").fields().forEachRemaining(e -> {
            JsonNode a = e.getValue().path("x-amazon-apigateway-authorizer");
            ObjectNode auth = JSON.createObjectNode()
                    .put("id", "auth-" + e.getKey())
                    .put("name", e.getKey())
                    .put("type", a.path("type").asText().toUpperCase(java.util.Locale.ROOT))
                    .put("authorizerUri", a.path("authorizerUri").asText())
                    .put(
                            "authorizerResultTtlInSeconds",
                            a.path("authorizerResultTtlInSeconds").asInt(300));
            if (a.has("identitySource")) {
                auth.put("identitySource", a.path("identitySource").asText());
            }
            out.add(auth);
        });
        return out;
    }

    // ---- S3: REST-XML, path style ---------------------------------------------------------------------

    private Response s3(String method, String path, String q, String body) {
        String[] parts = path.substring(1).split("/", 2);
        String bucket = parts[0];
        String key = parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : null;
        Map<String, byte[]> objects = buckets.get(bucket);
        String sub = q.split("[=&]")[0];
        String op = key != null
                ? switch (method) {
                    case "PUT" -> "PutObject";
                    case "DELETE" -> "DeleteObject";
                    default -> "?";
                }
                : switch (method + " " + sub) {
                    case "HEAD " -> "HeadBucket";
                    case "PUT " -> "CreateBucket";
                    case "PUT publicAccessBlock" -> "PutPublicAccessBlock";
                    case "PUT policy" -> "PutBucketPolicy";
                    case "PUT website" -> "PutBucketWebsite";
                    case "GET list-type" -> "ListObjectsV2";
                    case "DELETE " -> "DeleteBucket";
                    default -> "?";
                };
        if (op.equals("CreateBucket")) {
            buckets.put(bucket, new TreeMap<>());
            return new Response(op, 200, "application/xml", "", Map.of("Location", "/" + bucket));
        }
        if (objects == null) {
            return new Response(
                    op,
                    404,
                    "application/xml",
                    method.equals("HEAD")
                            ? ""
                            : "<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist</Message></Error>",
                    Map.of());
        }
        switch (op) {
            case "PutObject":
                objects.put(key, body.getBytes(StandardCharsets.UTF_8));
                return new Response(op, 200, "application/xml", "", Map.of("ETag", "\"etag\""));
            case "DeleteObject":
                objects.remove(key);
                return new Response(op, 204, "application/xml", "", Map.of());
            case "ListObjectsV2": {
                StringBuilder xml = new StringBuilder(
                                "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>")
                        .append(bucket)
                        .append("</Name><KeyCount>")
                        .append(objects.size())
                        .append("</KeyCount><IsTruncated>false</IsTruncated>");
                objects.keySet()
                        .forEach(
                                k -> xml.append("<Contents><Key>").append(k).append("</Key><Size>1</Size></Contents>"));
                return new Response(
                        op,
                        200,
                        "application/xml",
                        xml.append("</ListBucketResult>").toString(),
                        Map.of());
            }
            case "DeleteBucket":
                buckets.remove(bucket);
                return new Response(op, 204, "application/xml", "", Map.of());
            default:
                return new Response(op, 200, "application/xml", "", Map.of());
        }
    }

    // ---- plumbing -------------------------------------------------------------------------------------

    /** S3's aws-chunked encoding: {@code <hex size>[;chunk-signature=...]\r\n<data>\r\n}..., ending with size 0. */
    private static String decodeAwsChunked(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        reply(ex, status, type, body, Map.of());
    }

    private static void reply(HttpExchange ex, int status, String type, String body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("x-amzn-RequestId", "req-1");
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        boolean noBody = bytes.length == 0 || status == 204 || "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, noBody ? -1 : bytes.length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
