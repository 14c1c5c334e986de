package dev.tollgate.authapi.emailpassword;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.authapi.emailpassword.FormFields.FieldError;
import dev.tollgate.authapi.emailpassword.FormFields.Outcome;
import dev.tollgate.authapi.http.ApiRequest;
import dev.tollgate.authapi.http.ApiResponse;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.authapi.routing.Route;
import dev.tollgate.authapi.sessions.CoreCalls;
import dev.tollgate.authapi.sessions.SessionRequests;
import dev.tollgate.authapi.sessions.TokenResponses;
import dev.tollgate.session.claims.Claims;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreResults;
import dev.tollgate.session.core.CoreUser;
import dev.tollgate.session.create.NewSession;
import dev.tollgate.session.create.SessionCreator;
import dev.tollgate.session.roles.UserRoleClaims;
import java.util.List;

/**
 * {@code POST /signup} and {@code POST /signin} (docs/supertokens.md#form-fields, #sign-in-up): validate the form, ask the core, and on
 * success create a session (the session library's {@link SessionCreator}, with {@code st-ev}, {@code st-role}
 * and {@code st-perm} as its initial claims). Field problems, a taken email and wrong credentials are 200 answers with a {@code status}, as the
 * SDK expects.
 */
public final class CredentialsRoute implements Route {

    static final String EMAIL_TAKEN = "This email already exists. Please sign in instead.";

    private final CoreClient core;
    private final SessionCreator creator;
    private final UserRoleClaims roleClaims;
    private final FormFields.Form form;

    private CredentialsRoute(CoreClient core, SessionCreator creator, UserRoleClaims roleClaims, FormFields.Form form) {
        this.core = core;
        this.creator = creator;
        this.roleClaims = roleClaims;
        this.form = form;
    }

    public static Route signUp(CoreClient core, SessionCreator creator, UserRoleClaims roleClaims) {
        return new CredentialsRoute(core, creator, roleClaims, FormFields.Form.SIGN_UP);
    }

    public static Route signIn(CoreClient core, SessionCreator creator, UserRoleClaims roleClaims) {
        return new CredentialsRoute(core, creator, roleClaims, FormFields.Form.SIGN_IN);
    }

    @Override
    public ApiResponse handle(ApiRequest request) {
        Outcome outcome = FormFields.read(Json.bodyObject(request), form);
        if (outcome instanceof Outcome.Invalid invalid) {
            return fieldErrors(invalid.errors());
        }
        Outcome.Valid valid = (Outcome.Valid) outcome;
        CoreUser user;
        String recipeUserId;
        if (form == FormFields.Form.SIGN_UP) {
            CoreResults.SignUp result =
                    CoreCalls.call("sign up", () -> core.signUp("public", valid.email(), valid.password()));
            if (result instanceof CoreResults.EmailAlreadyExists) {
                return fieldErrors(List.of(new FieldError(FormFields.EMAIL, EMAIL_TAKEN)));
            }
            CoreResults.SignUpOk ok = (CoreResults.SignUpOk) result;
            user = ok.user();
            recipeUserId = ok.recipeUserId();
        } else {
            CoreResults.SignIn result =
                    CoreCalls.call("sign in", () -> core.signIn("public", valid.email(), valid.password()));
            if (result instanceof CoreResults.WrongCredentials) {
                return ApiResponse.json(200, Json.status("WRONG_CREDENTIALS_ERROR"));
            }
            CoreResults.SignInOk ok = (CoreResults.SignInOk) result;
            user = ok.user();
            recipeUserId = ok.recipeUserId();
        }
        boolean verified = FdiUser.emailPasswordMethod(user, recipeUserId)
                .map(m -> m.verified())
                .orElse(false);
        ObjectNode body = Json.object().put("status", "OK");
        body.set("user", FdiUser.of(user));
        ApiResponse response = ApiResponse.json(200, Json.write(body));
        // node's UserRoles recipe fetches both claims for every new session (primary user id, the tenant)
        UserRoleClaims.RoleValues roles =
                CoreCalls.call("read the user's roles", () -> roleClaims.fetch("public", user.id()));
        NewSession session = CoreCalls.call(
                "create session",
                () -> creator.create(SessionRequests.headers(request), "public", recipeUserId, (payload, now) -> {
                    Claims.EMAIL_VERIFIED.putInto(payload, verified, now);
                    roles.change().applyTo(payload, now);
                }));
        TokenResponses.apply(response, session.responseTokens());
        return response.userId(session.userId());
    }

    private static ApiResponse fieldErrors(List<FieldError> errors) {
        ObjectNode body = Json.object().put("status", "FIELD_ERROR");
        ArrayNode fields = body.putArray("formFields");
        errors.forEach(e -> fields.addObject().put("id", e.id()).put("error", e.error()));
        return ApiResponse.json(200, Json.write(body));
    }
}
