package dev.tollgate.localstack.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parts of an imported REST API that the gateway executes, built once from {@code openapi.yaml} by
 * {@link RestApiParser}. Everything here is immutable and already validated.
 *
 * @param resources        every resource (path template) with its methods
 * @param gatewayResponses customised gateway responses by type name ({@code UNAUTHORIZED}, {@code DEFAULT_4XX} ...)
 */
record RestApi(List<Resource> resources, Map<String, GatewayResponseDef> gatewayResponses) {

    /** A resource such as {@code /auth/{proxy+}}; {@code methods} is keyed by verb, {@code ANY} included. */
    record Resource(String path, String resourceId, List<String> segments, Map<String, Method> methods) {}

    /** One method of a resource; {@code authorizer} is empty for methods without CUSTOM authorization. */
    record Method(String httpMethod, Optional<Authorizer> authorizer, Integration integration) {}

    /**
     * A Lambda REQUEST authorizer.
     *
     * @param identitySources mapping expressions ({@code method.request.header.X} ...) that must all be present
     * @param ttlSeconds      0 disables caching
     */
    record Authorizer(String name, String functionArn, List<String> identitySources, int ttlSeconds) {}

    /** How a method reaches its backend. */
    sealed interface Integration {}

    /** HTTP (non-proxy): nothing of the client's request is forwarded unless mapped. */
    record HttpIntegration(
            URI uri,
            String httpMethod,
            Map<String, String> requestParameters,
            boolean passthroughNever,
            Duration timeout,
            List<IntegrationResponse> responses)
            implements Integration {}

    /** AWS_PROXY to a Lambda function: the whole request goes into the event, the function shapes the answer. */
    record AwsProxyIntegration(String functionArn) implements Integration {}

    /** MOCK: the status comes from the (literal) request template, the answer from the integration responses. */
    record MockIntegration(int statusCode, List<IntegrationResponse> responses) implements Integration {}

    /**
     * An entry of {@code responses} of an integration.
     *
     * @param selectionPattern matched against the backend status; empty for the {@code default} entry
     * @param templates        literal response bodies by content type (no VTL)
     */
    record IntegrationResponse(
            Optional<Pattern> selectionPattern,
            int statusCode,
            Map<String, String> responseParameters,
            Map<String, String> templates) {}

    /** A customised gateway response; an absent status keeps the type's default. */
    record GatewayResponseDef(
            Optional<Integer> statusCode, Map<String, String> responseParameters, Map<String, String> templates) {}
}
