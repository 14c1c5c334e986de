package dev.tollgate.session.create;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.config.AntiCsrfMode;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreException;
import dev.tollgate.session.core.CreatedSession;
import dev.tollgate.session.http.BearerToken;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.http.RequestCookies;
import dev.tollgate.session.payload.PayloadChange;
import dev.tollgate.session.payload.PayloadUpdater;
import dev.tollgate.session.transfer.ResponseTokens;
import dev.tollgate.session.transfer.TokenTransferMethod;
import dev.tollgate.session.transfer.TokenWriter;
import java.time.Clock;
import java.util.Locale;

/**
 * Node's {@code createNewSessionInRequest} (docs/supertokens.md#transfer-method, #writing-tokens) for a user who just signed up or in: headers in,
 * {@link NewSession} out. The request chooses the transfer method with {@code st-auth-mode} ({@code cookie}
 * for cookies, header mode when absent or anything else); an access token it still sends in the other method
 * is cleared, because it would shadow the new session in the frontend. Thread-safe.
 */
public final class SessionCreator {
    /** The request header in which the frontend asks for a transfer method for new sessions (docs/supertokens.md#cookies). */
    public static final String AUTH_MODE_HEADER = "st-auth-mode";

    private final SessionConfig config;
    private final CoreClient core;
    private final TokenWriter writer;
    private final Clock clock;

    public SessionCreator(SessionConfig config, CoreClient core, TokenWriter writer, Clock clock) {
        this.config = config;
        this.core = core;
        this.writer = writer;
        this.clock = clock;
    }

    /**
     * Creates a session in the core and renders its tokens.
     *
     * @param headers the request headers ({@code st-auth-mode}, and the tokens of an older session)
     * @param tenantId the tenant, e.g. {@code "public"}
     * @param recipeUserId the login method's user id (the core derives the primary user)
     * @param initialClaims the custom claims to start with, e.g. {@code st-ev}, applied to a payload holding
     *        {@code iss}; protected claims it adds are dropped and {@code iss} is always the configured issuer
     * @throws CoreException when the core cannot be used (a server-side failure); nothing is to be written
     */
    public NewSession create(Headers headers, String tenantId, String recipeUserId, PayloadChange initialClaims)
            throws CoreException {
        TokenTransferMethod method = requestedMethod(headers);
        long now = clock.millis();
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("iss", config.issuer());
        initialClaims.applyTo(payload, now);
        payload.remove(PayloadUpdater.PROTECTED_CLAIMS);
        payload.put("iss", config.issuer());
        // A header-mode session cannot be sent by a forged cross-site request, so it needs no anti-CSRF token.
        boolean antiCsrf = method == TokenTransferMethod.COOKIE && config.antiCsrf() == AntiCsrfMode.VIA_TOKEN;
        CreatedSession created = core.createSession(
                tenantId,
                recipeUserId,
                payload,
                JsonNodeFactory.instance.objectNode(),
                antiCsrf,
                config.useDynamicAccessTokenSigningKey());

        TokenTransferMethod other = method.other();
        ResponseTokens tokens = hasAccessToken(headers, other) ? writer.clearedTokens(other) : ResponseTokens.NONE;
        tokens = tokens.followedBy(writer.sessionTokens(
                method,
                created.session().userId(),
                created.accessToken(),
                created.refreshToken(),
                created.antiCsrfToken(),
                now));
        return new NewSession(created.session().userId(), tokens);
    }

    private static TokenTransferMethod requestedMethod(Headers headers) {
        String mode = headers.first(AUTH_MODE_HEADER);
        return mode != null && mode.trim().toLowerCase(Locale.ROOT).equals("cookie")
                ? TokenTransferMethod.COOKIE
                : TokenTransferMethod.HEADER;
    }

    private static boolean hasAccessToken(Headers headers, TokenTransferMethod method) {
        if (method == TokenTransferMethod.COOKIE) {
            return RequestCookies.get(headers, TokenWriter.ACCESS_TOKEN_COOKIE) != null;
        }
        return BearerToken.from(headers) != null;
    }
}
