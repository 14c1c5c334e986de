package dev.tollgate.localstack.core.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.http.CoreError;
import dev.tollgate.localstack.core.http.CoreRequest;
import dev.tollgate.localstack.core.http.CoreResponse;
import dev.tollgate.localstack.core.http.Endpoint;
import dev.tollgate.localstack.core.http.JsonInput;
import dev.tollgate.localstack.core.user.PasswordReset;
import dev.tollgate.localstack.core.user.StoredUser;
import dev.tollgate.localstack.core.user.UserStore;
import java.util.List;
import java.util.Optional;

/**
 * The emailpassword recipe: {@code /recipe/signup}, {@code /recipe/signin}, password-reset tokens (create,
 * consume) and {@code PUT /recipe/user} (new email or password).
 */
final class EmailPasswordApi {

    private final UserStore users;
    private final UserJson userJson;
    private final PasswordReset resets;

    EmailPasswordApi(UserStore users, UserJson userJson, PasswordReset resets) {
        this.users = users;
        this.userJson = userJson;
        this.resets = resets;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/recipe/signup", this::signUp),
                Endpoint.post("/recipe/signin", this::signIn),
                Endpoint.post("/recipe/user/password/reset/token", this::createResetToken),
                Endpoint.post("/recipe/user/password/reset/token/consume", this::consumeResetToken),
                Endpoint.protectedApi("/recipe/user", java.util.Map.of("PUT", this::updateUser)));
    }

    private CoreResponse createResetToken(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String userId = input.requiredString("userId");
        String email = input.requiredString("email");
        if (users.byId(userId).isEmpty()) {
            return CoreResponse.ok(CoreReplies.status("UNKNOWN_USER_ID_ERROR"));
        }
        return CoreResponse.ok(CoreReplies.status("OK").put("token", resets.createToken(userId, email)));
    }

    private CoreResponse consumeResetToken(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        // CDI 4.0 and later send only the token (supertokens-node 24 does); "method" is optional
        String token = input.requiredString("token");
        Optional<String> method = input.optionalString("method");
        if (method.isPresent() && !method.get().equals("token")) {
            throw new CoreError.BadRequest("Unsupported method for password reset");
        }
        Optional<PasswordReset.Owner> owner = resets.consume(token);
        if (owner.isEmpty()) {
            return CoreResponse.ok(CoreReplies.status("RESET_PASSWORD_INVALID_TOKEN_ERROR"));
        }
        ObjectNode reply = CoreReplies.status("OK");
        reply.put("userId", owner.get().userId());
        reply.put("email", owner.get().email());
        return CoreResponse.ok(reply);
    }

    /** {@code PUT /recipe/user}: a new email and / or password for a recipe user. */
    private CoreResponse updateUser(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String recipeUserId = input.requiredString("recipeUserId");
        String email = input.optionalString("email").orElse(null);
        String password = input.optionalString("password").orElse(null);
        if (password != null && password.isEmpty()) {
            throw new CoreError.BadRequest("Password cannot be an empty string");
        }
        return switch (users.update(recipeUserId, email, password)) {
            case OK -> CoreResponse.ok(CoreReplies.status("OK"));
            case UNKNOWN_USER -> CoreResponse.ok(CoreReplies.status("UNKNOWN_USER_ID_ERROR"));
            case EMAIL_TAKEN -> CoreResponse.ok(CoreReplies.status("EMAIL_ALREADY_EXISTS_ERROR"));
        };
    }

    private CoreResponse signUp(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String email = input.requiredString("email");
        String password = input.requiredString("password");
        if (password.isEmpty()) {
            throw new CoreError.BadRequest("Password cannot be an empty string");
        }
        Optional<StoredUser> user = users.signUp(email, password);
        return user.map(this::userReply)
                .orElseGet(() -> CoreResponse.ok(CoreReplies.status("EMAIL_ALREADY_EXISTS_ERROR")));
    }

    private CoreResponse signIn(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String email = input.requiredString("email");
        String password = input.requiredString("password");
        Optional<StoredUser> user = users.signIn(email, password);
        return user.map(this::userReply)
                .orElseGet(() -> CoreResponse.ok(CoreReplies.status("WRONG_CREDENTIALS_ERROR")));
    }

    private CoreResponse userReply(StoredUser user) {
        ObjectNode reply = CoreReplies.status("OK");
        reply.set("user", userJson.of(user));
        reply.put("recipeUserId", user.id());
        return CoreResponse.ok(reply);
    }
}
