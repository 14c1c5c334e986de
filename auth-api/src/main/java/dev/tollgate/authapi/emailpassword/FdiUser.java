package dev.tollgate.authapi.emailpassword;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.authapi.http.Json;
import dev.tollgate.session.core.CoreUser;
import dev.tollgate.session.core.LoginMethod;
import java.util.List;
import java.util.Optional;

/**
 * The user object of FDI 3.x/4.x answers (node's {@code User.toJson}, docs/supertokens.md#sign-in-up), built from the core's
 * user. Field order follows node; undefined login-method fields are left out.
 */
public final class FdiUser {

    private FdiUser() {}

    public static ObjectNode of(CoreUser user) {
        ObjectNode json = Json.object();
        json.put("id", user.id());
        json.put("isPrimaryUser", user.isPrimaryUser());
        json.set("tenantIds", strings(user.tenantIds()));
        json.set("emails", strings(user.emails()));
        json.set("phoneNumbers", strings(user.phoneNumbers()));
        json.set("thirdParty", copyOr(user.json().get("thirdParty"), Json.array()));
        json.set("webauthn", copyOr(user.json().get("webauthn"), Json.object().set("credentialIds", Json.array())));
        ArrayNode methods = json.putArray("loginMethods");
        for (LoginMethod method : user.loginMethods()) {
            ObjectNode m = methods.addObject();
            m.put("recipeId", method.recipeId());
            m.put("recipeUserId", method.recipeUserId());
            m.set("tenantIds", strings(method.tenantIds()));
            if (method.email() != null) {
                m.put("email", method.email());
            }
            if (method.phoneNumber() != null) {
                m.put("phoneNumber", method.phoneNumber());
            }
            m.put("timeJoined", method.timeJoined());
            m.put("verified", method.verified());
        }
        json.put("timeJoined", user.timeJoined());
        return json;
    }

    /** The email-password login method of this recipe user, if the user has one. */
    public static Optional<LoginMethod> emailPasswordMethod(CoreUser user, String recipeUserId) {
        return user.loginMethods().stream()
                .filter(m -> "emailpassword".equals(m.recipeId()) && recipeUserId.equals(m.recipeUserId()))
                .findFirst();
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = Json.array();
        values.forEach(array::add);
        return array;
    }

    private static JsonNode copyOr(JsonNode value, JsonNode fallback) {
        return value == null || value.isNull() ? fallback : value.deepCopy();
    }
}
