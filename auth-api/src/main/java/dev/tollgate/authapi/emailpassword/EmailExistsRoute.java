package dev.tollgate.authapi.emailpassword;

import dev.tollgate.authapi.error.ApiException;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.routing.Route;
import dev.tollgate.authapi.sessions.CoreCalls;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreUser;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /emailpassword/email/exists?email=} (docs/supertokens.md#email-exists): whether an email-password user has that
 * email, compared trimmed and case-insensitively as the core stores it.
 */
public final class EmailExistsRoute implements Route {

    private final CoreClient core;

    public EmailExistsRoute(CoreClient core) {
        this.core = core;
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        String email = request.queryParameter("email")
                .orElseThrow(() -> new ApiException.BadRequest("Please provide the email as a GET param"));
        String normalised = FormFields.trimJs(email).toLowerCase(Locale.ROOT);
        List<CoreUser> users =
                CoreCalls.call("look up users by email", () -> core.usersByEmail("public", email, false));
        boolean exists = users.stream()
                .flatMap(u -> u.loginMethods().stream())
                .anyMatch(m -> "emailpassword".equals(m.recipeId())
                        && m.email() != null
                        && FormFields.trimJs(m.email()).toLowerCase(Locale.ROOT).equals(normalised));
        return ApiResponse.json(
                200, Json.write(Json.object().put("status", "OK").put("exists", exists)));
    }
}
