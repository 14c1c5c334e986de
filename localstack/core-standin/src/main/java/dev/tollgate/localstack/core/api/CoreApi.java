package dev.tollgate.localstack.core.api;

import dev.tollgate.localstack.core.crypto.SigningKeys;
import dev.tollgate.localstack.core.http.Endpoint;
import dev.tollgate.localstack.core.role.RoleStore;
import dev.tollgate.localstack.core.session.SessionService;
import dev.tollgate.localstack.core.user.EmailVerification;
import dev.tollgate.localstack.core.user.PasswordReset;
import dev.tollgate.localstack.core.user.UserStore;
import java.util.ArrayList;
import java.util.List;

/** Every endpoint the stand-in serves, wired to its state. */
public final class CoreApi {

    private CoreApi() {}

    public static List<Endpoint> endpoints(
            SigningKeys keys,
            SessionService sessions,
            UserStore users,
            EmailVerification verification,
            PasswordReset resets,
            RoleStore roles,
            boolean antiCsrfEnabled) {
        UserJson userJson = new UserJson(verification);
        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(new MetaApi(keys).endpoints());
        endpoints.addAll(new SessionApi(sessions, antiCsrfEnabled).endpoints());
        endpoints.addAll(new EmailPasswordApi(users, userJson, resets).endpoints());
        endpoints.addAll(new UserApi(users, userJson).endpoints());
        endpoints.addAll(new EmailVerificationApi(verification).endpoints());
        endpoints.addAll(new UserRolesApi(roles).endpoints());
        return List.copyOf(endpoints);
    }
}
