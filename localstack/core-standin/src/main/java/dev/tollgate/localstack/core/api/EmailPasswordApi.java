package dev.tollgate.localstack.core.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.http.CoreError;
import dev.tollgate.localstack.core.http.CoreRequest;
import dev.tollgate.localstack.core.http.CoreResponse;
import dev.tollgate.localstack.core.http.Endpoint;
import dev.tollgate.localstack.core.http.JsonInput;
import dev.tollgate.localstack.core.user.StoredUser;
import dev.tollgate.localstack.core.user.UserStore;
import java.util.List;
import java.util.Optional;

/** {@code /recipe/signup} and {@code /recipe/signin} of the emailpassword recipe. */
final class EmailPasswordApi {

    private final UserStore users;
    private final UserJson userJson;

    EmailPasswordApi(UserStore users, UserJson userJson) {
        this.users = users;
        this.userJson = userJson;
    }

    List<Endpoint> endpoints() {
        return List.of(Endpoint.post("/recipe/signup", this::signUp), Endpoint.post("/recipe/signin", this::signIn));
    }

    private CoreResponse signUp(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String email = input.requiredString("email");
        String password = input.requiredString("password");
        if (password.isEmpty()) {
            throw new CoreError.BadRequest("Password cannot be an empty string");
        }
        Optional<StoredUser> user = users.signUp(email, password);
        return user.map(this::userReply).orElseGet(() -> CoreResponse.ok(Replies.status("EMAIL_ALREADY_EXISTS_ERROR")));
    }

    private CoreResponse signIn(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String email = input.requiredString("email");
        String password = input.requiredString("password");
        Optional<StoredUser> user = users.signIn(email, password);
        return user.map(this::userReply).orElseGet(() -> CoreResponse.ok(Replies.status("WRONG_CREDENTIALS_ERROR")));
    }

    private CoreResponse userReply(StoredUser user) {
        ObjectNode reply = Replies.status("OK");
        reply.set("user", userJson.of(user));
        reply.put("recipeUserId", user.id());
        return CoreResponse.ok(reply);
    }
}
