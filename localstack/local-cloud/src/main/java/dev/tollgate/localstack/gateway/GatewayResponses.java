package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.tollgate.localstack.gateway.RestApi.GatewayResponseDef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link GatewayError} into the client's answer (docs/aws.md#gateway-responses): the customised entry of the
 * specific type wins; otherwise DEFAULT_4XX / DEFAULT_5XX lend their headers and templates (and their
 * status only if they set one); otherwise the built-in default. Header mappings may read
 * {@code context.authorizer.*} when the authorizer returned a policy (ACCESS_DENIED), never after a
 * thrown {@code Unauthorized}. Values that resolve to nothing omit their header.
 */
final class GatewayResponses {

    private final Stage stage;
    private final Map<String, GatewayResponseDef> customised;

    GatewayResponses(Stage stage, Map<String, GatewayResponseDef> customised) {
        this.stage = stage;
        this.customised = Map.copyOf(customised);
    }

    Reply render(GatewayError error, GatewayRequest request, Optional<GatewayRouter.Route> route) {
        ResponseType type = error.type();
        int builtInStatus = error.status().orElse(type.defaultStatus());
        GatewayResponseDef def = customised.get(type.name());
        if (def == null) {
            def = customised.get(builtInStatus >= 500 ? "DEFAULT_5XX" : "DEFAULT_4XX");
        }
        int status = def == null ? builtInStatus : def.statusCode().orElse(builtInStatus);

        Map<String, String> context = Events.contextVariables(stage, request, route);
        error.authorizer().ifPresent(a -> context.putAll(a.variables()));
        error.message().ifPresent(m -> context.put("error.message", m));
        context.put(
                "error.messageString",
                error.message().map(GatewayResponses::jsonString).orElse("null"));
        context.put("error.responseType", type.name());

        Mappings.Sources sources = new Mappings.Sources(request, context, Optional.empty());
        List<Map.Entry<String, String>> mapped = new ArrayList<>();
        if (def != null) {
            def.responseParameters()
                    .forEach((target, expression) -> Mappings.resolve(expression, sources)
                            .ifPresent(v ->
                                    mapped.add(Map.entry(target.substring("gatewayresponse.header.".length()), v))));
        }
        Map<String, String> templates = def == null || def.templates().isEmpty()
                ? Map.of("application/json", type.builtInTemplate())
                : def.templates();
        Map.Entry<String, String> template = Templates.choose(
                        templates, GatewayHeaders.get(request.headers(), "Accept"))
                .orElseThrow();
        Reply.Builder reply = Reply.status(status);
        mapped.forEach(h -> reply.header(h.getKey(), h.getValue()));
        if (mapped.stream().noneMatch(h -> h.getKey().equalsIgnoreCase("Content-Type"))) {
            reply.header("Content-Type", template.getKey());
        }
        reply.header("x-amzn-ErrorType", type.errorType());
        return reply.body(Templates.render(template.getValue(), context).getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static String jsonString(String s) {
        try {
            return Events.JSON.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }
}
