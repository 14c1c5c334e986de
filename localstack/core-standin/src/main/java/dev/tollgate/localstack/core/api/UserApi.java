package dev.tollgate.localstack.core.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.http.CoreError;
import dev.tollgate.localstack.core.http.CoreRequest;
import dev.tollgate.localstack.core.http.CoreResponse;
import dev.tollgate.localstack.core.http.Endpoint;
import dev.tollgate.localstack.core.user.StoredUser;
import dev.tollgate.localstack.core.user.UserStore;
import java.util.List;
import java.util.Optional;

/** {@code GET /user/id} and {@code GET /users/by-accountinfo}, which supertokens-node calls on sign-in. */
final class UserApi {

    private final UserStore users;
    private final UserJson userJson;

    UserApi(UserStore users, UserJson userJson) {
        this.users = users;
        this.userJson = userJson;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.get("/user/id", this::byId), Endpoint.get("/users/by-accountinfo", this::byAccountInfo));
    }

    private CoreResponse byId(CoreRequest request) throws CoreError {
        String userId = request.requiredQueryParam("userId");
        Optional<StoredUser> user = users.byId(userId);
        if (user.isEmpty()) {
            return CoreResponse.ok(CoreReplies.status("UNKNOWN_USER_ID_ERROR"));
        }
        ObjectNode reply = CoreReplies.status("OK");
        reply.set("user", userJson.of(user.get()));
        return CoreResponse.ok(reply);
    }

    /**
     * Only email-password users exist here, so a phone number, third-party or webauthn criterion
     * never matches: with a union the email alone decides, without one any other criterion empties it.
     */
    private CoreResponse byAccountInfo(CoreRequest request) throws CoreError {
        Optional<String> email = request.queryParam("email");
        boolean otherCriteria = request.queryParam("phoneNumber").isPresent()
                || request.queryParam("webauthnCredentialId").isPresent();
        Optional<String> thirdPartyId = request.queryParam("thirdPartyId");
        Optional<String> thirdPartyUserId = request.queryParam("thirdPartyUserId");
        String union = request.requiredQueryParam("doUnionOfAccountInfo");
        if (!union.equals("true") && !union.equals("false")) {
            throw new CoreError.BadRequest("'doUnionOfAccountInfo' should be either 'true' or 'false'");
        }
        if (thirdPartyId.isPresent() != thirdPartyUserId.isPresent()) {
            throw new CoreError.BadRequest(
                    "If 'thirdPartyId' is provided, 'thirdPartyUserId' must also be provided, and vice versa");
        }
        otherCriteria = otherCriteria || thirdPartyId.isPresent();
        Optional<StoredUser> match = email.flatMap(users::byEmail);
        if (!union.equals("true") && otherCriteria) {
            match = Optional.empty();
        }
        ObjectNode reply = CoreReplies.status("OK");
        ArrayNode array = reply.putArray("users");
        match.ifPresent(user -> array.add(userJson.of(user)));
        return CoreResponse.ok(reply);
    }
}
