package dev.tollgate.authapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.tollgate.authapi.config.AuthApiConfig;
import dev.tollgate.authapi.email.EmailSenders;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.http.ProxyEvents;
import java.util.Map;

/**
 * The Lambda behind {@code ANY /auth/{proxy+}} (AWS_PROXY, REST API payload v1). Configuration is read
 * and validated once, in the constructor (Lambda's init phase): a bad environment fails the init with a
 * message naming the variable, instead of failing every request.
 */
public final class AuthApiHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    private final AuthApi api;

    /** Lambda's entry: configured from the process environment. */
    public AuthApiHandler() {
        this(System.getenv());
    }

    /** Configured from an explicit environment (tests, and hosts that cannot set process variables). */
    public AuthApiHandler(Map<String, String> environment) {
        AuthApiConfig config = AuthApiConfig.fromEnvironment(environment);
        this.api = AuthApiFactory.create(config, EmailSenders.create(config.email()), System.out);
    }

    /** Around an already wired pipeline (tests, other hosts). */
    public AuthApiHandler(AuthApi api) {
        this.api = api;
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String requestId = context == null ? "-" : context.getAwsRequestId();
        ApiRequest request;
        try {
            request = ProxyEvents.toRequest(event);
        } catch (IllegalArgumentException e) {
            return ProxyEvents.toResponseEvent(
                    ApiResponse.json(400, Json.message("Malformed request: " + e.getMessage())));
        }
        return ProxyEvents.toResponseEvent(api.handle(request, requestId));
    }
}
