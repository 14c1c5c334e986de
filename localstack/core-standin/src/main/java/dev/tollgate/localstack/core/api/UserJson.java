package dev.tollgate.localstack.core.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.user.EmailVerification;
import dev.tollgate.localstack.core.user.StoredUser;

/**
 * The account-linking user shape of CDI 4.x/5.x ({@code AuthRecipeUserInfo.toJson}, with
 * {@code webauthn} from 5.3): one emailpassword login method, never a primary user.
 */
final class UserJson {

    private final EmailVerification verification;

    UserJson(EmailVerification verification) {
        this.verification = verification;
    }

    ObjectNode of(StoredUser user) {
        ObjectNode json = CoreReplies.NODES.objectNode();
        json.put("id", user.id());
        json.put("isPrimaryUser", false);
        json.putArray("tenantIds").add("public");
        json.put("timeJoined", user.timeJoined());
        json.putArray("emails").add(user.email());
        json.putArray("phoneNumbers");
        json.putArray("thirdParty");
        json.putObject("webauthn").putArray("credentialIds");
        ObjectNode method = json.putArray("loginMethods").addObject();
        method.putArray("tenantIds").add("public");
        method.put("recipeUserId", user.id());
        method.put("verified", verification.isVerified(user.id(), user.email()));
        method.put("timeJoined", user.timeJoined());
        method.put("recipeId", "emailpassword");
        method.put("email", user.email());
        return json;
    }
}
