package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.localstack.gateway.GatewayError.AccessDenied;
import dev.tollgate.localstack.gateway.GatewayError.Failure;
import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import dev.tollgate.localstack.gateway.RestApi.Authorizer;
import dev.tollgate.log.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a Lambda REQUEST authorizer for one request and classifies the outcome as API Gateway does
 * (docs/aws.md#authorizer-outcomes): a function error whose message is exactly {@code Unauthorized} is a 401, any
 * other failure or unusable output is a 500 AUTHORIZER_CONFIGURATION_ERROR, and a policy that denies
 * the {@code methodArn} (explicitly or for want of an Allow) is a 403 that keeps the authorizer's context.
 */
final class AuthorizerStep {

    private final Stage stage;
    private final LambdaInvoker invoker;
    private final GatewayLog log;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    AuthorizerStep(Stage stage, LambdaInvoker invoker, GatewayLog log) {
        this.stage = stage;
        this.invoker = invoker;
        this.log = log;
    }

    /** A usable authorizer answer: principal, stringified context, and the policy (kept for re-evaluation). */
    private record Output(String principalId, Map<String, String> context, JsonNode policy) {}

    private record Cached(Output output, long expiresAtMillis) {}

    /** @return the context of an allowed request; throws {@link Failure} for every other outcome */
    AuthorizerContext authorize(Authorizer authorizer, GatewayRequest request, GatewayRouter.Route route) {
        Optional<String> cacheKey = identityKey(authorizer, request);
        long started = System.nanoTime();
        Output output = null;
        if (authorizer.ttlSeconds() > 0) {
            Cached cached = cache.get(cacheKey.orElseThrow());
            if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis()) {
                output = cached.output();
            }
        }
        if (output == null) {
            output = invoke(authorizer, request, route);
            if (authorizer.ttlSeconds() > 0) {
                evictExpiredWhenLarge();
                cache.put(
                        cacheKey.orElseThrow(),
                        new Cached(output, System.currentTimeMillis() + authorizer.ttlSeconds() * 1000L));
            }
        }
        long latency = (System.nanoTime() - started) / 1_000_000;
        AuthorizerContext context = new AuthorizerContext(output.principalId(), output.context(), latency);
        // A cached policy is evaluated again for every methodArn (docs/aws.md#authorizer-caching).
        String methodArn = stage.methodArn(request.method(), route.path());
        PolicyEvaluator.Decision decision;
        try {
            decision = PolicyEvaluator.evaluate(output.policy(), methodArn);
        } catch (PolicyEvaluator.InvalidPolicy e) {
            throw configurationError("unparseable policy: " + e.getMessage());
        }
        return switch (decision) {
            case ALLOW -> context;
            case EXPLICIT_DENY -> throw new Failure(new AccessDenied(true, context));
            case IMPLICIT_DENY -> throw new Failure(new AccessDenied(false, context));
        };
    }

    private void evictExpiredWhenLarge() {
        if (cache.size() > 10_000) {
            long now = System.currentTimeMillis();
            cache.values().removeIf(c -> c.expiresAtMillis() <= now);
        }
    }

    /**
     * Checks the identity sources (all present and non-empty, else 401 without invoking) and returns the
     * cache key built from them; empty when the authorizer has none.
     */
    private Optional<String> identityKey(Authorizer authorizer, GatewayRequest request) {
        if (authorizer.identitySources().isEmpty()) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (String source : authorizer.identitySources()) {
            Optional<String> value = Mappings.resolve(
                    source,
                    new Mappings.Sources(
                            request, Events.contextVariables(stage, request, Optional.empty()), Optional.empty()));
            if (value.isEmpty()) {
                throw new Failure(GatewayError.unauthorized("identity source " + source + " is missing or empty"));
            }
            values.add(value.get());
        }
        return Optional.of(authorizer.name() + '\u0000' + String.join("\u0000", values));
    }

    private Output invoke(Authorizer authorizer, GatewayRequest request, GatewayRouter.Route route) {
        String event = Events.authorizerEvent(stage, request, route).toString();
        Invocation invocation = Invocations.call(invoker, authorizer.functionArn(), event);
        if (invocation instanceof Invocation.FunctionError error) {
            if ("Unauthorized".equals(error.errorMessage())) {
                throw new Failure(GatewayError.unauthorized("authorizer threw Unauthorized"));
            }
            // The message itself is not logged: an authorizer may put anything in it.
            throw configurationError("authorizer function error " + error.errorType());
        }
        if (invocation instanceof Invocation.Failed failed) {
            throw configurationError("authorizer invocation failed: " + failed.reason());
        }
        return parse(((Invocation.Success) invocation).payloadJson());
    }

    private Output parse(String payload) {
        JsonNode root;
        try {
            root = payload == null ? null : Events.JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw configurationError("authorizer output is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw configurationError("authorizer output is not a JSON object");
        }
        JsonNode principal = root.get("principalId");
        if (principal == null || !principal.isTextual()) {
            throw configurationError("principalId is missing or not a string");
        }
        JsonNode policy = root.get("policyDocument");
        if (policy == null || !policy.isObject()) {
            throw configurationError("policyDocument is missing or not an object");
        }
        if (PolicyEvaluator.hasNonEmptyCondition(policy)) {
            log.line(Level.WARN, "authorizer.warning")
                    .field("reason", "policy Condition blocks are ignored; AWS evaluation of them is unconfirmed")
                    .write();
        }
        return new Output(principal.asText(), context(root.get("context")), policy);
    }

    /** Context values are stringified; objects and arrays are refused (docs/aws.md#authorizer-output). */
    private Map<String, String> context(JsonNode node) {
        Map<String, String> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            throw configurationError("context is not an object");
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            JsonNode v = e.getValue();
            if (v.isNull()) {
                values.put(e.getKey(), null);
            } else if (v.isTextual() || v.isNumber() || v.isBoolean()) {
                values.put(e.getKey(), v.asText());
            } else {
                throw configurationError("context value '" + e.getKey() + "' is an object or array");
            }
        }
        return values;
    }

    private static Failure configurationError(String reason) {
        return new Failure(GatewayError.authorizerConfigurationError(reason));
    }
}
