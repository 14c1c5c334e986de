package dev.tollgate.localstack.gateway;

import dev.tollgate.localstack.gateway.GatewayError.Failure;
import dev.tollgate.localstack.gateway.RestApi.AwsProxyIntegration;
import dev.tollgate.localstack.gateway.RestApi.HttpIntegration;
import dev.tollgate.localstack.gateway.RestApi.MockIntegration;
import dev.tollgate.log.Level;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;

/**
 * One request through the gateway, in API Gateway's order: route, authorize, integrate; any step may
 * stop the request with a {@link GatewayError}, which becomes a gateway response. Logs one line per request.
 */
final class Pipeline {

    private final GatewayRouter router;
    private final AuthorizerStep authorizers;
    private final HttpIntegrationCall http;
    private final AwsProxyCall awsProxy;
    private final GatewayResponses gatewayResponses;
    private final Stage stage;
    private final GatewayLog log;

    Pipeline(RestApi api, Stage stage, LambdaInvoker invoker, HttpClient client, GatewayLog log) {
        this.stage = stage;
        this.log = log;
        this.router = new GatewayRouter(stage.name(), api.resources());
        this.authorizers = new AuthorizerStep(stage, invoker, log);
        this.http = new HttpIntegrationCall(stage, client);
        this.awsProxy = new AwsProxyCall(stage, invoker);
        this.gatewayResponses = new GatewayResponses(stage, api.gatewayResponses());
    }

    /** Serves a request whose reading already failed (too large ...): straight to a gateway response. */
    Reply reject(GatewayRequest request, GatewayError error) {
        return finish(
                request,
                Optional.empty(),
                gatewayResponses.render(error, request, Optional.empty()),
                error,
                System.nanoTime());
    }

    Reply handle(GatewayRequest request) {
        long started = System.nanoTime();
        Optional<GatewayRouter.Route> route = Optional.empty();
        try {
            GatewayRouter.Route matched = router.route(request.method(), request.fullPath());
            route = Optional.of(matched);
            GatewayRequest routed = request.withPathParameters(matched.pathParameters());
            Optional<AuthorizerContext> authorizer =
                    matched.method().authorizer().map(a -> authorizers.authorize(a, routed, matched));
            return finish(request, route, integrate(matched, routed, authorizer), null, started);
        } catch (Failure f) {
            return finish(request, route, gatewayResponses.render(f.error(), request, route), f.error(), started);
        } catch (RuntimeException e) {
            // A defect of the gateway itself: answer like API Gateway's internal error, keep the cause in the log.
            GatewayError error = GatewayError.apiConfigurationError("gateway defect: " + e);
            return finish(request, route, gatewayResponses.render(error, request, route), error, started);
        }
    }

    private Reply integrate(GatewayRouter.Route route, GatewayRequest request, Optional<AuthorizerContext> authorizer) {
        Map<String, String> context = Events.contextVariables(stage, request, Optional.of(route));
        authorizer.ifPresent(a -> context.putAll(a.variables()));
        Mappings.Sources sources = new Mappings.Sources(request, context, Optional.empty());
        RestApi.Integration integration = route.method().integration();
        if (integration instanceof HttpIntegration h) {
            return http.call(h, request, sources);
        } else if (integration instanceof AwsProxyIntegration p) {
            return awsProxy.call(p, request, route, authorizer);
        } else {
            MockIntegration mock = (MockIntegration) integration;
            return IntegrationResponses.respond(mock.responses(), mock.statusCode(), sources, new byte[0]);
        }
    }

    private Reply finish(
            GatewayRequest request,
            Optional<GatewayRouter.Route> route,
            Reply reply,
            GatewayError error,
            long started) {
        log.line(reply.status() >= 500 ? Level.ERROR : Level.INFO, "request")
                .requestId(request.ids().requestId())
                .latencySince(started)
                .field("method", request.method())
                .field("resource", route.map(r -> r.resource().path()).orElse(null))
                .field("status", reply.status())
                .field("outcome", error == null ? "INTEGRATION" : error.type().name())
                .field("reason", error == null ? null : error.reason())
                .write();
        return reply;
    }
}
