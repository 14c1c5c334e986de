package dev.tollgate.authapi.error;

import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.sessions.TokenResponses;
import dev.tollgate.session.core.CoreException;
import dev.tollgate.session.error.ErrorResponse;
import dev.tollgate.session.error.ErrorResponses;
import dev.tollgate.session.error.SessionError;

/** The one place where a failed request becomes its status and JSON body. */
public final class ApiErrorResponses {

    private ApiErrorResponses() {}

    public static ApiResponse toResponse(RuntimeException failure) {
        if (failure instanceof ApiException api) {
            return forApi(api);
        }
        // A bug of ours: say so, without the stack trace or anything from the request.
        return ApiResponse.json(500, Json.message("Internal error in the auth API"));
    }

    private static ApiResponse forApi(ApiException failure) {
        if (failure instanceof ApiException.BadRequest) {
            return ApiResponse.json(400, Json.message(failure.getMessage()));
        }
        if (failure instanceof ApiException.NotFound) {
            return ApiResponse.json(404, Json.message(failure.getMessage()));
        }
        if (failure instanceof ApiException.MethodNotAllowed notAllowed) {
            return ApiResponse.json(405, Json.message(failure.getMessage()))
                    .header("Allow", String.join(", ", notAllowed.allowed()) + ", OPTIONS");
        }
        if (failure instanceof ApiException.PayloadTooLarge) {
            return ApiResponse.json(413, Json.message(failure.getMessage()));
        }
        if (failure instanceof ApiException.OriginNotAllowed) {
            return ApiResponse.json(403, Json.message(failure.getMessage()));
        }
        if (failure instanceof ApiException.SessionRejected rejected) {
            return forSession(rejected);
        }
        if (failure instanceof ApiException.CoreFailure || failure instanceof ApiException.EmailDeliveryFailure) {
            return ApiResponse.json(500, Json.message(failure.getMessage()));
        }
        throw new IllegalStateException("unmapped " + failure.getClass().getName());
    }

    private static ApiResponse forSession(ApiException.SessionRejected rejected) {
        ApiResponse response;
        if (rejected.error() instanceof SessionError.CoreUnavailable unavailable) {
            // The auth API answers 500 for every core failure: the frontend must not read it as a logout.
            response = ApiResponse.json(500, Json.message("The SuperTokens core failed: " + unavailable.reason()));
        } else {
            ErrorResponse mapped = ErrorResponses.of(rejected.error());
            response = ApiResponse.json(mapped.status(), mapped.body());
        }
        TokenResponses.apply(response, rejected.clearing());
        return response;
    }

    /** A short, secret-free description of the failure for the request log. */
    public static String describe(RuntimeException failure) {
        if (failure instanceof ApiException) {
            Throwable cause = failure.getCause();
            return failure.getMessage() + (cause == null ? "" : " (" + describeCause(cause) + ")");
        }
        return failure.getClass().getName();
    }

    /**
     * The core client's messages are written to be log-safe (path and status, never tokens or the API
     * key); any other cause's message is someone else's text (SES names the rejected recipients, an
     * HTTP client may quote a webhook URL and its secret), so only its type is logged.
     */
    private static String describeCause(Throwable cause) {
        if (cause instanceof CoreException) {
            return cause.getClass().getSimpleName() + ": " + cause.getMessage();
        }
        return cause.getClass().getSimpleName();
    }
}
