package dev.tollgate.authapi;

import dev.tollgate.authapi.cors.Cors;
import dev.tollgate.authapi.error.ApiErrorResponses;
import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.log.RequestLog;
import dev.tollgate.authapi.routing.Router;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The request pipeline, free of Lambda types: size limit, preflight or route, error mapping, CORS on
 * every answer, one log line.
 */
public final class AuthApi {

    /** FDI bodies are a few hundred bytes; anything near this is not the SDK talking. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private final Router router;
    private final Cors cors;
    private final RequestLog log;

    public AuthApi(Router router, Cors cors, RequestLog log) {
        this.router = router;
        this.cors = cors;
        this.log = log;
    }

    public ApiResponse handle(ApiRequest request, String requestId) {
        long start = System.nanoTime();
        String route = "-";
        String outcome = "ok";
        String error = null;
        ApiResponse response;
        try {
            if (request.body().getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
                throw new ApiException.PayloadTooLarge(MAX_BODY_BYTES);
            }
            if (cors.isPreflight(request)) {
                route = router.routePath(request.path()).orElseThrow(() -> new ApiException.NotFound(request.path()));
                outcome = "preflight";
                List<String> methods = new ArrayList<>(router.methods(route));
                methods.add("OPTIONS");
                response = cors.preflight(request, methods);
            } else {
                Router.Match match = router.resolve(request.method(), request.path());
                route = match.routePath();
                response = match.route().handle(request);
            }
        } catch (RuntimeException failure) {
            response = ApiErrorResponses.toResponse(failure);
            outcome = failure.getClass().getSimpleName();
            error = ApiErrorResponses.describe(failure);
        }
        cors.decorate(request, response);
        double latencyMillis = (System.nanoTime() - start) / 1e6;
        log.write(new RequestLog.Entry(
                requestId,
                request.method(),
                route,
                response.status(),
                outcome,
                latencyMillis,
                response.userId(),
                error));
        return response;
    }
}
