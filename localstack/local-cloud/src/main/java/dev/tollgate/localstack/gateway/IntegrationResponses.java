package dev.tollgate.localstack.gateway;

import dev.tollgate.localstack.gateway.GatewayError.Failure;
import dev.tollgate.localstack.gateway.RestApi.IntegrationResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Integration responses of non-proxy integrations (HTTP and MOCK, docs/aws.md#integration-responses): the first entry
 * whose selection pattern matches the whole backend status wins, else {@code default}, else 500
 * API_CONFIGURATION_ERROR. The answer carries only the mapped headers (backend headers are dropped),
 * and the body of a literal template or, without one, the backend's body.
 */
final class IntegrationResponses {

    private IntegrationResponses() {}

    static Reply respond(
            List<IntegrationResponse> responses, int backendStatus, Mappings.Sources sources, byte[] backendBody) {
        IntegrationResponse chosen = select(responses, Integer.toString(backendStatus))
                .orElseThrow(() -> new Failure(GatewayError.apiConfigurationError(
                        "no integration response matches backend status " + backendStatus)));
        Reply.Builder reply = Reply.status(chosen.statusCode());
        chosen.responseParameters()
                .forEach((target, expression) -> Mappings.resolve(expression, sources)
                        .ifPresent(v -> reply.header(target.substring("method.response.header.".length()), v)));
        Optional<Map.Entry<String, String>> template = Templates.choose(
                chosen.templates(), GatewayHeaders.get(sources.request().headers(), "Accept"));
        boolean mappedContentType = chosen.responseParameters().keySet().stream()
                .anyMatch(k -> k.equalsIgnoreCase("method.response.header.Content-Type"));
        if (!mappedContentType) {
            reply.header("Content-Type", template.map(Map.Entry::getKey).orElse("application/json"));
        }
        return reply.body(template.map(t -> t.getValue().getBytes(StandardCharsets.UTF_8))
                        .orElse(backendBody))
                .build();
    }

    static Optional<IntegrationResponse> select(List<IntegrationResponse> responses, String status) {
        return responses.stream()
                .filter(r -> r.selectionPattern()
                        .map(p -> p.matcher(status).matches())
                        .orElse(false))
                .findFirst()
                .or(() -> responses.stream()
                        .filter(r -> r.selectionPattern().isEmpty())
                        .findFirst());
    }
}
