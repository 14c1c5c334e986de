package dev.tollgate.localstack.gateway;

import com.sun.net.httpserver.HttpExchange;
import dev.tollgate.localstack.http.LoopbackServer;
import dev.tollgate.localstack.http.QueryString;
import dev.tollgate.localstack.http.RequestBodies;
import dev.tollgate.stack.ApiDefinition;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A local API Gateway REST API: serves {@code http://localhost:<port>/<stage>/...} by executing an
 * {@code openapi.yaml} with API Gateway's extensions, calling Lambda functions through a
 * {@link LambdaInvoker} and HTTP backends directly. Listens on 127.0.0.1 only.
 */
public final class ApiGateway implements AutoCloseable {

    /** The stage every Tollgate runtime uses. */
    public static final String STAGE = "dev";
    /** The account id in local ARNs. */
    public static final String ACCOUNT_ID = "000000000000";
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final LoopbackServer server;
    private final Stage stage;

    private ApiGateway(LoopbackServer server, Stage stage) {
        this.server = server;
        this.stage = stage;
    }

    /**
     * Loads the definition and starts serving.
     *
     * @param port         TCP port on 127.0.0.1; 0 picks a free one
     * @param openApiYaml  the API definition ({@code stack/src/main/resources/stack/openapi.yaml})
     * @param placeholders values for its {@code ${Name}} placeholders; {@code AwsRegion} also sets the
     *                     region of {@code methodArn} (default {@code us-east-1})
     * @param invoker      how Lambda functions (authorizer, AWS_PROXY) are called
     * @throws dev.tollgate.stack.ApiDefinitionException when the definition is unusable (one line)
     * @throws UncheckedIOException when the port cannot be bound (one line naming it)
     */
    public static ApiGateway start(
            int port, Path openApiYaml, Map<String, String> placeholders, LambdaInvoker invoker) {
        return start(port, openApiYaml, placeholders, invoker, GatewayLog.to(System.out));
    }

    static ApiGateway start(
            int port, Path openApiYaml, Map<String, String> placeholders, LambdaInvoker invoker, GatewayLog log) {
        RestApi api = RestApiParser.parse(ApiDefinition.load(openApiYaml, placeholders));
        Stage stage = new Stage(
                STAGE, placeholders.getOrDefault("AwsRegion", "us-east-1"), ACCOUNT_ID, randomId(10), randomId(6));
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        Pipeline pipeline = new Pipeline(api, stage, invoker, client, log);
        LoopbackServer server = LoopbackServer.start("gateway", port, 32, exchange -> serve(exchange, pipeline));
        return new ApiGateway(server, stage);
    }

    /** The stage URL, {@code http://localhost:<port>/dev}. */
    public String stageUrl() {
        return "http://localhost:" + port() + "/" + stage.name();
    }

    public int port() {
        return server.port();
    }

    /** The REST API id used in {@code methodArn}s and events (random per start, like a fresh import). */
    public String apiId() {
        return stage.apiId();
    }

    /** Stops accepting requests and ends the worker threads. */
    @Override
    public void close() {
        server.close();
    }

    private static void serve(HttpExchange exchange, Pipeline pipeline) {
        try (exchange) {
            GatewayRequest.Ids ids = GatewayRequest.Ids.next();
            // The JDK server delivers names as "Content-type"; lower case is what API Gateway passes on for
            // HTTP/2 clients (every browser over TLS), so events carry lower-case names rather than that hybrid.
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
            byte[] body = readBody(exchange);
            Map<String, List<String>> query;
            GatewayError badQuery = null;
            try {
                query = QueryString.parse(exchange.getRequestURI().getRawQuery())
                        .parameters();
            } catch (QueryString.MalformedQueryException e) {
                query = Map.of();
                badQuery = GatewayError.badRequestParameters(e.getMessage());
            }
            GatewayRequest request = new GatewayRequest(
                    exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                    exchange.getRequestURI().getRawPath(),
                    query,
                    headers,
                    body == null ? new byte[0] : body,
                    exchange.getRemoteAddress().getAddress().getHostAddress(),
                    Map.of(),
                    ids);
            Reply reply;
            if (body == null) {
                reply = pipeline.reject(request, GatewayError.requestTooLarge("body over " + MAX_BODY_BYTES));
            } else if (badQuery != null) {
                reply = pipeline.reject(request, badQuery);
            } else {
                reply = pipeline.handle(request);
            }
            write(exchange, request, reply);
        } catch (IOException e) {
            // The client went away; nothing left to answer.
        }
    }

    /** @return the body, or null when it exceeds API Gateway's limit */
    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try {
            return RequestBodies.read(exchange, MAX_BODY_BYTES);
        } catch (RequestBodies.TooLarge e) {
            return null;
        }
    }

    private static void write(HttpExchange exchange, GatewayRequest request, Reply reply) throws IOException {
        var out = exchange.getResponseHeaders();
        List<Map.Entry<String, String>> lines = new ArrayList<>(reply.headers());
        lines.add(Map.entry("x-amzn-RequestId", request.ids().requestId()));
        lines.add(Map.entry("x-amz-apigw-id", request.ids().extendedRequestId()));
        lines.add(Map.entry("X-Amzn-Trace-Id", request.ids().traceId()));
        for (Map.Entry<String, String> line : lines) {
            // A value with CR/LF would split the header; mapped values come from Lambda output, so check.
            if (line.getValue().chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0)) {
                out.add(line.getKey(), line.getValue());
            }
        }
        boolean noBody = reply.body().length == 0 || request.method().equals("HEAD");
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(reply.body());
            }
        }
    }

    private static String randomId(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
