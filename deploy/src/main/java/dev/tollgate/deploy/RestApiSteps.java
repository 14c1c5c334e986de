package dev.tollgate.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.stack.ApiDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.Authorizer;
import software.amazon.awssdk.services.apigateway.model.EndpointType;
import software.amazon.awssdk.services.apigateway.model.GatewayResponseType;
import software.amazon.awssdk.services.apigateway.model.Op;
import software.amazon.awssdk.services.apigateway.model.PatchOperation;
import software.amazon.awssdk.services.apigateway.model.PutMode;
import software.amazon.awssdk.services.apigateway.model.RestApi;

/**
 * The REST API, imported from {@code openapi.yaml}. Whatever LocalStack's import drops is set again
 * explicitly (gateway responses, the authorizer's TTL 0), which is harmless on AWS.
 */
final class RestApiSteps {

    private final ApiGatewayClient apiGateway;

    RestApiSteps(ApiGatewayClient apiGateway) {
        this.apiGateway = apiGateway;
    }

    /** The API must exist before the functions, whose configuration names its URL. */
    Progress.Done<String> ensureShell(String name) {
        Optional<String> existing = find(name);
        if (existing.isPresent()) {
            return new Progress.Done<>(Progress.Outcome.UNCHANGED, existing.get());
        }
        String id = apiGateway
                .createRestApi(r -> r.name(name)
                        .description("Tollgate: SuperTokens sessions at the edge")
                        .endpointConfiguration(e -> e.types(EndpointType.REGIONAL)))
                .id();
        return new Progress.Done<>(Progress.Outcome.CREATED, id);
    }

    Progress.Done<Void> importDefinition(String restApiId, ApiDefinition definition) {
        var response = apiGateway.putRestApi(r -> r.restApiId(restApiId)
                .mode(PutMode.OVERWRITE)
                .failOnWarnings(true)
                .body(SdkBytes.fromUtf8String(definition.toJson())));
        if (response.warnings() != null && !response.warnings().isEmpty()) {
            throw new DeployException("API Gateway warned about openapi.yaml: " + response.warnings());
        }
        return Progress.Done.of(Progress.Outcome.UPDATED);
    }

    /** Every authorizer ends with TTL 0 and no identity source: the session is in cookies, never cacheable. */
    Progress.Done<List<Authorizer>> ensureAuthorizersUncached(String restApiId) {
        List<Authorizer> authorizers =
                apiGateway.getAuthorizers(r -> r.restApiId(restApiId)).items();
        if (authorizers.isEmpty()) {
            throw new DeployException("the imported API has no authorizer: openapi.yaml lost its security scheme?");
        }
        boolean changed = false;
        for (Authorizer a : authorizers) {
            Integer ttl = a.authorizerResultTtlInSeconds();
            if (ttl == null || ttl != 0) {
                apiGateway.updateAuthorizer(r -> r.restApiId(restApiId)
                        .authorizerId(a.id())
                        .patchOperations(PatchOperation.builder()
                                .op(Op.REPLACE)
                                .path("/authorizerResultTtlInSeconds")
                                .value("0")
                                .build()));
                changed = true;
            }
        }
        return new Progress.Done<>(changed ? Progress.Outcome.UPDATED : Progress.Outcome.UNCHANGED, authorizers);
    }

    Progress.Done<Void> putGatewayResponses(String restApiId, ApiDefinition definition) {
        JsonNode responses = definition.document().path("x-amazon-apigateway-gateway-responses");
        if (!responses.isObject() || responses.isEmpty()) {
            throw new DeployException("openapi.yaml defines no x-amazon-apigateway-gateway-responses");
        }
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) responses::fields) {
            GatewayResponseType type = GatewayResponseType.fromValue(entry.getKey());
            if (type == GatewayResponseType.UNKNOWN_TO_SDK_VERSION) {
                throw new DeployException("openapi.yaml: unknown gateway response type " + entry.getKey());
            }
            JsonNode spec = entry.getValue();
            apiGateway.putGatewayResponse(r -> {
                r.restApiId(restApiId)
                        .responseType(type)
                        .responseParameters(strings(spec.path("responseParameters")))
                        .responseTemplates(strings(spec.path("responseTemplates")));
                if (spec.hasNonNull("statusCode")) {
                    r.statusCode(spec.get("statusCode").asText());
                }
            });
        }
        return Progress.Done.of(Progress.Outcome.UPDATED);
    }

    Progress.Done<String> deploy(String restApiId, String stage) {
        String id = apiGateway
                .createDeployment(r -> r.restApiId(restApiId).stageName(stage).description("Tollgate deployer"))
                .id();
        return new Progress.Done<>(Progress.Outcome.CREATED, id);
    }

    Progress.Done<Void> remove(String name) {
        Optional<String> existing = find(name);
        if (existing.isEmpty()) {
            return Progress.Done.of(Progress.Outcome.ABSENT);
        }
        apiGateway.deleteRestApi(r -> r.restApiId(existing.get()));
        return Progress.Done.of(Progress.Outcome.REMOVED);
    }

    Optional<String> find(String name) {
        List<RestApi> all = new ArrayList<>();
        String position = null;
        do {
            String at = position;
            var page = apiGateway.getRestApis(r -> r.limit(500).position(at));
            all.addAll(page.items());
            position = page.position();
        } while (position != null);
        return all.stream().filter(a -> name.equals(a.name())).map(RestApi::id).findFirst();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
