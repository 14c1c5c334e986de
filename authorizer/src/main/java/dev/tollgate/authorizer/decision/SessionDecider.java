package dev.tollgate.authorizer.decision;

import dev.tollgate.authorizer.config.AuthorizerConfig;
import dev.tollgate.authorizer.config.ClaimRequirement;
import dev.tollgate.authorizer.config.RouteClaims;
import dev.tollgate.authorizer.event.AuthorizerEvent;
import dev.tollgate.session.claims.ClaimValidator;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.error.ErrorResponses;
import dev.tollgate.session.error.SessionError;
import dev.tollgate.session.error.SessionError.VerifyError;
import dev.tollgate.session.transfer.TokenWriter;
import dev.tollgate.session.verify.NoSession;
import dev.tollgate.session.verify.SessionVerifier;
import dev.tollgate.session.verify.VerificationFailed;
import dev.tollgate.session.verify.VerificationResult;
import dev.tollgate.session.verify.VerifiedSession;
import dev.tollgate.session.verify.VerifyOptions;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * SuperTokens' Lambda-authorizer recipe (docs/supertokens.md#authorizer-recipe) as a pure function from an event to a
 * {@link Decision}: verify the session as {@code getSession(..., {sessionRequired: false})} would,
 * with the route's required claims, and map each outcome.
 */
public final class SessionDecider {

    private final SessionVerifier verifier;
    private final boolean sessionRequired;
    private final RouteClaims routeClaims;
    private final VerifyOptions defaultOptions = VerifyOptions.optional();
    /**
     * Each route rule's claim list (the very instance {@link RouteClaims#forRoute} returns) to options
     * carrying its validators, built once so a call only does a lookup.
     */
    private final Map<List<ClaimRequirement>, VerifyOptions> optionsByClaims = new IdentityHashMap<>();

    public SessionDecider(SessionVerifier verifier, AuthorizerConfig config) {
        this.verifier = verifier;
        this.sessionRequired = config.sessionRequired();
        this.routeClaims = config.routeClaims();
        routeClaims
                .rules()
                .values()
                .forEach(claims -> optionsByClaims.put(claims, defaultOptions.withClaimValidators(validators(claims))));
    }

    public Decision decide(AuthorizerEvent event) {
        VerificationResult result = verifier.verify(event.httpMethod(), event.headers(), optionsFor(event));
        if (result instanceof VerifiedSession session) {
            return allow(session);
        }
        if (result instanceof NoSession) {
            return sessionRequired
                    ? new Decision.Unauthorized(Reason.SESSION_REQUIRED, null, "no_session")
                    : new Decision.Allow(Reason.NO_SESSION, null, null, null);
        }
        VerifyError error = ((VerificationFailed) result).error();
        if (error instanceof SessionError.InvalidClaims claims) {
            // The verifier reports failed claims without the session; like node, nothing is attached to
            // the response in that case, so setCookie stays empty.
            return new Decision.Deny(Reason.INVALID_CLAIMS, null, ErrorResponses.invalidClaimBody(claims), null);
        }
        if (error instanceof SessionError.TryRefreshToken) {
            return new Decision.Unauthorized(Reason.TRY_REFRESH, null, error.reason());
        }
        if (error instanceof SessionError.CoreUnavailable) {
            return new Decision.Failure(Reason.CORE_UNAVAILABLE, null, error.reason());
        }
        // Unauthorised: the session is gone.
        return new Decision.Unauthorized(Reason.UNAUTHORISED, null, error.reason());
    }

    private VerifyOptions optionsFor(AuthorizerEvent event) {
        if (optionsByClaims.isEmpty()) {
            return defaultOptions;
        }
        return optionsByClaims.getOrDefault(routeClaims.forRoute(event.httpMethod(), event.resource()), defaultOptions);
    }

    /** Package-private for tests: the one place that decides what a verified session forwards. */
    static Decision allow(VerifiedSession session) {
        if (!session.accessTokenUpdated()) {
            return new Decision.Allow(Reason.SESSION_VALID, session.userId(), null, null);
        }
        List<String> cookies = session.responseTokens().setCookies();
        if (cookies.isEmpty()) {
            // Header-mode session: API Gateway has no mapping for st-access-token, so the replacement
            // is dropped (the core mints it again on the next call until the client refreshes). Its
            // front token is dropped with it: on its own it would describe a token the client never got.
            return new Decision.Allow(Reason.SESSION_VALID, session.userId(), null, null);
        }
        if (cookies.size() > 1) {
            // A mapped Set-Cookie is one header line and a comma-joined pair loses the second cookie and
            // the first one's attributes. Send the client to the refresh route instead (401): it is an
            // AWS_PROXY route that can set every cookie on its own line.
            return new Decision.Unauthorized(Reason.COOKIES_NEED_REFRESH, session.userId(), null);
        }
        return new Decision.Allow(
                Reason.SESSION_VALID_NEW_TOKEN,
                session.userId(),
                cookies.get(0),
                session.responseTokens().headers().get(TokenWriter.FRONT_TOKEN_HEADER));
    }

    private static List<ClaimValidator> validators(List<ClaimRequirement> claims) {
        List<ClaimValidator> validators = new ArrayList<>(claims.size());
        for (ClaimRequirement claim : claims) {
            if (claim instanceof ClaimRequirement.EmailVerified) {
                validators.add(Claims.emailVerified());
            } else if (claim instanceof ClaimRequirement.HasRole role) {
                validators.add(Claims.hasRole(role.role()));
            } else if (claim instanceof ClaimRequirement.HasPermission permission) {
                validators.add(Claims.hasPermission(permission.permission()));
            }
        }
        return validators;
    }
}
