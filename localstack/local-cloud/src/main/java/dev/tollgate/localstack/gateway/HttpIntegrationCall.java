package dev.tollgate.localstack.gateway;

import dev.tollgate.localstack.gateway.GatewayError.Failure;
import dev.tollgate.localstack.gateway.RestApi.HttpIntegration;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * HTTP (non-proxy) integration (docs/aws.md#integration-types). The backend request starts from an empty
 * header set: only mapped headers plus API Gateway's own ({@code Accept}, {@code User-Agent},
 * {@code Content-Type} for bodies, trace and API ids) are sent. No client header is forwarded, so a
 * client-sent {@code x-user-id} can never reach the backend; when the mapped source is empty the
 * header is simply absent.
 */
final class HttpIntegrationCall {

    private static final Set<String> BODYLESS = Set.of("GET", "HEAD", "OPTIONS");

    private final Stage stage;
    private final HttpClient client;

    HttpIntegrationCall(Stage stage, HttpClient client) {
        this.stage = stage;
        this.client = client;
    }

    Reply call(HttpIntegration integration, GatewayRequest request, Mappings.Sources sources) {
        if (integration.passthroughNever()) {
            // "never" with no templates defined refuses every body type.
            throw new Failure(GatewayError.unsupportedMediaType("passthroughBehavior never without templates"));
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        StringBuilder query = new StringBuilder();
        integration
                .requestParameters()
                .forEach((target, expression) -> Mappings.resolve(expression, sources)
                        .ifPresent(value -> {
                            if (target.startsWith("integration.request.header.")) {
                                headers.put(target.substring("integration.request.header.".length()), value);
                            } else {
                                String name = target.substring("integration.request.querystring.".length());
                                query.append(query.length() == 0 ? "" : "&")
                                        .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                                        .append('=')
                                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
                            }
                        }));
        headers.putIfAbsent("Accept", "application/json");
        headers.putIfAbsent("User-Agent", "AmazonAPIGateway_" + stage.apiId());
        boolean withBody = !BODYLESS.contains(integration.httpMethod());
        if (withBody) {
            headers.putIfAbsent(
                    "Content-Type",
                    Optional.ofNullable(GatewayHeaders.last(request.headers(), "Content-Type"))
                            .orElse("application/json"));
        }
        headers.put("X-Amzn-Trace-Id", request.ids().traceId());
        headers.put("X-Amzn-Apigateway-Api-Id", stage.apiId());

        HttpRequest.Builder backend = HttpRequest.newBuilder(withQuery(integration.uri(), query.toString()))
                .timeout(integration.timeout())
                .method(
                        integration.httpMethod(),
                        withBody
                                ? HttpRequest.BodyPublishers.ofByteArray(request.body())
                                : HttpRequest.BodyPublishers.noBody());
        headers.forEach(backend::header);

        HttpResponse<byte[]> response;
        try {
            response = client.send(backend.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new Failure(
                    GatewayError.integrationTimeout("backend did not answer within " + integration.timeout()));
        } catch (IOException e) {
            throw new Failure(GatewayError.integrationFailure(
                    "backend unreachable: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(GatewayError.integrationFailure("interrupted while calling the backend"));
        }
        Mappings.BackendResponse answer = new Mappings.BackendResponse(
                response.statusCode(), response.headers().map(), response.body());
        Mappings.Sources withBackend = new Mappings.Sources(request, sources.context(), Optional.of(answer));
        Reply mapped = IntegrationResponses.respond(
                integration.responses(), response.statusCode(), withBackend, response.body());
        return withRemappedBackendHeaders(mapped, response.headers().map());
    }

    /** Backend headers are dropped, except the hop/identity ones that API Gateway returns renamed. */
    private static Reply withRemappedBackendHeaders(Reply reply, Map<String, List<String>> backendHeaders) {
        Reply.Builder builder = Reply.status(reply.status());
        reply.headers().forEach(h -> builder.header(h.getKey(), h.getValue()));
        backendHeaders.forEach((name, values) -> {
            if (RemappedHeaders.isRemapped(name)) {
                values.forEach(v -> builder.header(RemappedHeaders.clientName(name), v));
            }
        });
        return builder.body(reply.body()).build();
    }

    private static URI withQuery(URI uri, String query) {
        if (query.isEmpty()) {
            return uri;
        }
        String base = uri.toString();
        return URI.create(base + (uri.getRawQuery() == null ? "?" : "&") + query);
    }
}
