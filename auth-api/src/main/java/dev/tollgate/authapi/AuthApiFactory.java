package dev.tollgate.authapi;

import dev.tollgate.authapi.config.AuthApiConfig;
import dev.tollgate.authapi.cors.Cors;
import dev.tollgate.authapi.email.EmailSender;
import dev.tollgate.authapi.emailpassword.CredentialsRoute;
import dev.tollgate.authapi.emailpassword.EmailExistsRoute;
import dev.tollgate.authapi.emailverification.ClaimUpdater;
import dev.tollgate.authapi.emailverification.EmailVerificationRoutes;
import dev.tollgate.authapi.log.RequestLog;
import dev.tollgate.authapi.routing.Router;
import dev.tollgate.authapi.sessions.SessionRequests;
import dev.tollgate.authapi.sessions.SessionRoutes;
import dev.tollgate.session.Sessions;
import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.roles.UserRoleClaims;
import dev.tollgate.session.transfer.TokenWriter;
import java.io.PrintStream;
import java.time.Clock;

/** Wires the routes the SDK calls to the session library, the core and the email sender. */
public final class AuthApiFactory {

    private AuthApiFactory() {}

    public static AuthApi create(AuthApiConfig config, EmailSender sender, PrintStream logOut) {
        SessionConfig sessionConfig = config.session();
        Sessions library = Sessions.create(sessionConfig);
        CoreClient core = library.core();
        TokenWriter writer = library.tokenWriter();
        SessionRequests sessions = new SessionRequests(library.verifier(), writer);
        ClaimUpdater claims = new ClaimUpdater(library.payloadUpdater());
        UserRoleClaims roleClaims = new UserRoleClaims(core, Clock.systemUTC());
        SessionRoutes sessionRoutes = new SessionRoutes(library, sessions);
        EmailVerificationRoutes emailVerification =
                new EmailVerificationRoutes(core, sessions, claims, sender, config.websiteOrigin());

        Router router = Router.builder(sessionConfig.apiGatewayPath(), sessionConfig.apiBasePath())
                .route("POST", "/signup", CredentialsRoute.signUp(core, library.creator(), roleClaims))
                .route("POST", "/signin", CredentialsRoute.signIn(core, library.creator(), roleClaims))
                .route("GET", "/emailpassword/email/exists", new EmailExistsRoute(core))
                .route("GET", "/signup/email/exists", new EmailExistsRoute(core))
                .route("POST", "/session/refresh", sessionRoutes::refresh)
                .route("POST", "/signout", sessionRoutes::signOut)
                .route("GET", "/user/email/verify", emailVerification::isVerified)
                .route("POST", "/user/email/verify", emailVerification::verify)
                .route("POST", "/user/email/verify/token", emailVerification::sendToken)
                .build();
        return new AuthApi(router, new Cors(config.websiteOrigin()), new RequestLog(logOut, config.logLevel()));
    }
}
