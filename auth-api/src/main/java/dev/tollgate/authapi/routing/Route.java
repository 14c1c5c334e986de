package dev.tollgate.authapi.routing;

import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;

/** One FDI operation: a request in, the complete answer out (or an exception for the error mapper). */
@FunctionalInterface
public interface Route {
    ApiResponse handle(ApiRequest request);
}
