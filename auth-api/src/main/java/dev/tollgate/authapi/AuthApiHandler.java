package dev.tollgate.authapi;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.tollgate.authapi.config.AuthApiConfig;
import dev.tollgate.authapi.email.EmailSenders;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.http.ProxyEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The Lambda behind {@code ANY /auth/{proxy+}} (AWS_PROXY, REST API payload v1). Configuration is read
 * and validated once, in the constructor (Lambda's init phase): a bad environment fails the init with a
 * message naming the variable, instead of failing every request.
 *
 * <p>A stream handler: the proxy event is read from the bytes Lambda hands over ({@link ProxyEvents}),
 * so the runtime never loads its POJO serializer for the event classes (the larger part of a cold start).
 */
public final class AuthApiHandler implements RequestStreamHandler {

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
    public void handleRequest(InputStream event, OutputStream result, Context context) throws IOException {
        String requestId = context == null ? "-" : context.getAwsRequestId();
        ApiRequest request;
        try {
            request = ProxyEvents.toRequest(event);
        } catch (IllegalArgumentException e) {
            ProxyEvents.writeResponse(
                    ApiResponse.json(400, Json.message("Malformed request: " + e.getMessage())), result);
            return;
        }
        ProxyEvents.writeResponse(api.handle(request, requestId), result);
    }
}
