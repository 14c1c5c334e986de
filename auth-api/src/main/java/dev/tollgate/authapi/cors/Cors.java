package dev.tollgate.authapi.cors;

import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import java.util.List;

/**
 * CORS for exactly one origin, the website's. Credentials are allowed, so the origin is echoed, never
 * {@code *}. The frontend must be able to read the session headers, or it treats a successful refresh
 * as a failure; so they are exposed on every answer to the website.
 */
public final class Cors {

    /** What web-js and the supertokens-website interceptor send, plus the JSON content type. */
    static final String ALLOWED_HEADERS = "content-type, rid, fdi-version, anti-csrf, authorization, st-auth-mode";

    static final String EXPOSED_HEADERS = "front-token, st-access-token, st-refresh-token, anti-csrf";
    static final String MAX_AGE_SECONDS = "600";

    private final String websiteOrigin;

    public Cors(String websiteOrigin) {
        this.websiteOrigin = websiteOrigin;
    }

    public boolean isPreflight(ApiRequest request) {
        return "OPTIONS".equals(request.method());
    }

    /** The answer to a preflight for a route that accepts {@code methods}. */
    public ApiResponse preflight(ApiRequest request, List<String> methods) {
        if (!fromWebsite(request)) {
            throw new ApiException.OriginNotAllowed();
        }
        ApiResponse response = ApiResponse.empty(204);
        allowOrigin(response);
        response.header("Access-Control-Allow-Methods", String.join(", ", methods));
        response.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        response.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        return response;
    }

    /** Adds the CORS answer headers to any response (errors included) to a request from the website. */
    public void decorate(ApiRequest request, ApiResponse response) {
        response.header("Vary", "Origin");
        if (fromWebsite(request)) {
            allowOrigin(response);
            response.header("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
    }

    private void allowOrigin(ApiResponse response) {
        response.header("Access-Control-Allow-Origin", websiteOrigin);
        response.header("Access-Control-Allow-Credentials", "true");
        response.header("Vary", "Origin");
    }

    private boolean fromWebsite(ApiRequest request) {
        return request.header("origin").map(websiteOrigin::equals).orElse(false);
    }
}
