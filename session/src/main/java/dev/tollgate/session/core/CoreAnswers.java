package dev.tollgate.session.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Reads CDI 5.4 answers into records; a shape we do not know is a {@link CoreProtocolException}. */
final class CoreAnswers {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CoreAnswers() {}

    static String status(JsonNode r, String path) throws CoreProtocolException {
        JsonNode s = r.get("status");
        if (s == null || !s.isTextual()) {
            throw new CoreProtocolException(path + " answered without a status");
        }
        return s.textValue();
    }

    static void requireStatus(JsonNode r, String path, String expected) throws CoreProtocolException {
        String s = status(r, path);
        if (!expected.equals(s)) {
            throw unexpected(r, path);
        }
    }

    /** The {@code message} of an answer that is an outcome (UNAUTHORISED, TRY_REFRESH_TOKEN), or empty. */
    static String message(JsonNode r) {
        return r.path("message").asText("");
    }

    static CoreProtocolException unexpected(JsonNode r, String path) {
        return new CoreProtocolException(
                path + " answered unexpected status " + r.path("status").asText("?"));
    }

    static CreatedSession createdSession(JsonNode r, String path) throws CoreProtocolException {
        JsonNode csrf = r.get("antiCsrfToken");
        return new CreatedSession(
                sessionInfo(r.get("session"), path),
                token(r.get("accessToken"), path),
                token(r.get("refreshToken"), path),
                csrf != null && csrf.isTextual() ? csrf.textValue() : null);
    }

    static SessionInfo sessionInfo(JsonNode s, String path) throws CoreProtocolException {
        if (s == null || !s.isObject()) {
            throw new CoreProtocolException(path + " answered without a session object");
        }
        String userId = text(s, "userId", path);
        JsonNode data = s.get("userDataInJWT");
        return new SessionInfo(
                text(s, "handle", path),
                userId,
                s.path("recipeUserId").isTextual() ? s.get("recipeUserId").textValue() : userId,
                data instanceof ObjectNode ? (ObjectNode) data : F.objectNode(),
                s.path("tenantId").isTextual() ? s.get("tenantId").textValue() : "public");
    }

    static TokenInfo optionalToken(JsonNode t, String path) throws CoreProtocolException {
        return t == null || t.isNull() ? null : token(t, path);
    }

    static TokenInfo token(JsonNode t, String path) throws CoreProtocolException {
        if (t == null
                || !t.isObject()
                || !t.path("expiry").isNumber()
                || !t.path("createdTime").isNumber()) {
            throw new CoreProtocolException(path + " answered a malformed token object");
        }
        return new TokenInfo(
                text(t, "token", path),
                t.get("expiry").longValue(),
                t.get("createdTime").longValue());
    }

    static CoreUser user(JsonNode u, String path) throws CoreProtocolException {
        if (u == null || !u.isObject()) {
            throw new CoreProtocolException(path + " answered without a user object");
        }
        List<LoginMethod> methods = new ArrayList<>();
        for (JsonNode m : u.path("loginMethods")) {
            methods.add(new LoginMethod(
                    text(m, "recipeId", path),
                    text(m, "recipeUserId", path),
                    strings(m.get("tenantIds")),
                    m.path("email").isTextual() ? m.get("email").textValue() : null,
                    m.path("phoneNumber").isTextual() ? m.get("phoneNumber").textValue() : null,
                    m.path("verified").asBoolean(false),
                    m.path("timeJoined").asLong()));
        }
        return new CoreUser(
                text(u, "id", path),
                u.path("isPrimaryUser").asBoolean(false),
                strings(u.get("tenantIds")),
                u.path("timeJoined").asLong(),
                strings(u.get("emails")),
                strings(u.get("phoneNumbers")),
                List.copyOf(methods),
                ((ObjectNode) u).deepCopy());
    }

    static String text(JsonNode node, String field, String path) throws CoreProtocolException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new CoreProtocolException(path + " answered without a string " + field);
        }
        return v.textValue();
    }

    static List<String> strings(JsonNode array) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(array.size());
        array.forEach(v -> out.add(v.asText()));
        return List.copyOf(out);
    }
}
