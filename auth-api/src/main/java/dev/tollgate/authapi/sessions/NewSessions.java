package dev.tollgate.authapi.sessions;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CreatedSession;
import dev.tollgate.session.http.BearerToken;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.http.RequestCookies;
import dev.tollgate.session.transfer.TokenTransferMethod;
import dev.tollgate.session.transfer.TokenWriter;

import java.time.Clock;
import java.util.Locale;

/**
 * Creates the session of a user who just signed up or in (node's {@code createNewSessionInRequest}):
 * the {@code iss} and {@code st-ev} claims, the transfer method the request asked for with
 * {@code st-auth-mode} (header when absent, spec C.9), and the tokens written into the response.
 */
public final class NewSessions {

    private final SessionConfig config;
    private final CoreClient core;
    private final TokenWriter writer;
    private final Clock clock;

    public NewSessions(SessionConfig config, CoreClient core, TokenWriter writer, Clock clock) {
        this.config = config;
        this.core = core;
        this.writer = writer;
        this.clock = clock;
    }

    /** @param emailVerified the user's email-verification state, for the {@code st-ev} claim */
    public void create(ApiRequest request, String recipeUserId, boolean emailVerified, ApiResponse response) {
        TokenTransferMethod method = requestedMethod(request);
        Headers headers = SessionRequests.headers(request);
        // A token left in the other transfer method would shadow the new session in the frontend.
        TokenTransferMethod other = method == TokenTransferMethod.COOKIE ? TokenTransferMethod.HEADER : TokenTransferMethod.COOKIE;
        if (hasAccessToken(headers, other)) {
            TokenResponses.apply(response, writer.clearedTokens(other));
        }
        long now = clock.millis();
        ObjectNode payload = Json.object().put("iss", config.issuer());
        Claims.EMAIL_VERIFIED.putInto(payload, emailVerified, now);
        boolean antiCsrf = method == TokenTransferMethod.COOKIE && config.antiCsrf() == AntiCsrfMode.VIA_TOKEN;
        CreatedSession created = CoreCalls.call("create session", () -> core.createSession("public", recipeUserId,
                payload, Json.object(), antiCsrf, config.useDynamicAccessTokenSigningKey()));
        TokenResponses.apply(response, writer.sessionTokens(method, created.session().userId(), created.accessToken(),
                created.refreshToken(), created.antiCsrfToken(), now));
        response.userId(created.session().userId());
    }

    static TokenTransferMethod requestedMethod(ApiRequest request) {
        String mode = request.header("st-auth-mode").map(v -> v.trim().toLowerCase(Locale.ROOT)).orElse("");
        return "cookie".equals(mode) ? TokenTransferMethod.COOKIE : TokenTransferMethod.HEADER;
    }

    static boolean hasAccessToken(Headers headers, TokenTransferMethod method) {
        if (method == TokenTransferMethod.COOKIE) {
            return RequestCookies.get(headers, TokenWriter.ACCESS_TOKEN_COOKIE) != null;
        }
        return BearerToken.from(headers) != null;
    }
}
