package dev.tollgate.localstack.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.http.CoreError;
import dev.tollgate.localstack.core.http.CoreRequest;
import dev.tollgate.localstack.core.http.CoreResponse;
import dev.tollgate.localstack.core.http.Endpoint;
import dev.tollgate.localstack.core.http.JsonInput;
import dev.tollgate.localstack.core.session.NewTokens;
import dev.tollgate.localstack.core.session.SessionProblem;
import dev.tollgate.localstack.core.session.SessionService;
import dev.tollgate.localstack.core.session.Verified;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The session recipe's CDI endpoints. Fields are read in the order core 11.4.7's APIs read them, so
 * the first missing or mistyped field is the one the 400 names.
 */
final class SessionApi {

    private final SessionService sessions;
    private final boolean antiCsrfEnabled;

    SessionApi(SessionService sessions, boolean antiCsrfEnabled) {
        this.sessions = sessions;
        this.antiCsrfEnabled = antiCsrfEnabled;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.protectedApi("/recipe/session", Map.of("POST", this::create, "GET", this::get)),
                Endpoint.post("/recipe/session/verify", this::verify),
                Endpoint.post("/recipe/session/refresh", this::refresh),
                Endpoint.post("/recipe/session/regenerate", this::regenerate),
                Endpoint.post("/recipe/session/remove", this::remove),
                Endpoint.get("/recipe/session/user", this::handlesForUser),
                sessionObject(
                        "/recipe/session/data",
                        "userDataInDatabase",
                        sessions::updateDataInDatabase,
                        SessionService.Snapshot::userDataInDatabase),
                sessionObject(
                        "/recipe/jwt/data",
                        "userDataInJWT",
                        sessions::updateAccessTokenPayload,
                        SessionService.Snapshot::userDataInJWT));
    }

    private CoreResponse create(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String userId = input.requiredString("userId");
        boolean enableAntiCsrf = enableAntiCsrf(input);
        ObjectNode userDataInJWT = input.requiredObject("userDataInJWT");
        ObjectNode userDataInDatabase = input.requiredObject("userDataInDatabase");
        boolean useStaticKey = Boolean.FALSE.equals(
                input.optionalBoolean("useDynamicSigningKey").orElse(null));
        return answer(
                () -> tokens(sessions.create(userId, userDataInJWT, userDataInDatabase, enableAntiCsrf, useStaticKey)));
    }

    private CoreResponse get(CoreRequest request) throws CoreError {
        String handle = request.requiredQueryParam("sessionHandle");
        return answer(() -> {
            SessionService.Snapshot session = sessions.get(handle);
            ObjectNode reply = CoreReplies.NODES.objectNode();
            reply.put("sessionHandle", session.sessionHandle());
            reply.put("userId", session.userId());
            reply.put("recipeUserId", session.recipeUserId());
            reply.set("userDataInDatabase", session.userDataInDatabase());
            reply.put("expiry", session.expiry());
            reply.set("userDataInJWT", session.userDataInJWT());
            reply.put("timeCreated", session.timeCreated());
            reply.put("status", "OK");
            reply.put("tenantId", session.tenantId());
            return CoreResponse.ok(reply);
        });
    }

    private CoreResponse verify(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String accessToken = input.requiredString("accessToken");
        String antiCsrfToken = input.optionalString("antiCsrfToken").orElse(null);
        boolean doAntiCsrfCheck = input.requiredBoolean("doAntiCsrfCheck");
        boolean enableAntiCsrf = enableAntiCsrf(input);
        boolean checkDatabase = input.requiredBoolean("checkDatabase");
        return answer(() ->
                verified(sessions.verify(accessToken, antiCsrfToken, enableAntiCsrf, doAntiCsrfCheck, checkDatabase)));
    }

    private CoreResponse refresh(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String refreshToken = input.requiredString("refreshToken");
        String antiCsrfToken = input.optionalString("antiCsrfToken").orElse(null);
        boolean enableAntiCsrf = enableAntiCsrf(input);
        boolean useDynamicSigningKey = input.requiredBoolean("useDynamicSigningKey");
        return answer(() -> tokens(
                sessions.refresh(refreshToken, antiCsrfToken, enableAntiCsrf, Optional.of(!useDynamicSigningKey))));
    }

    private CoreResponse regenerate(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String accessToken = input.requiredString("accessToken");
        Optional<ObjectNode> userDataInJWT = input.optionalObject("userDataInJWT");
        return answer(() -> {
            try {
                return verified(sessions.regenerate(accessToken, userDataInJWT));
            } catch (SessionProblem.TryRefresh problem) {
                // regenerate reports every token problem as UNAUTHORISED
                throw new SessionProblem.Unauthorised(problem.getMessage());
            }
        });
    }

    /**
     * The request's required {@code enableAntiCsrf}, read where the core reads it; with
     * {@code CoreConfig.antiCsrfEnabled} off, a {@code true} counts as {@code false}.
     */
    private boolean enableAntiCsrf(JsonInput input) throws CoreError {
        return input.requiredBoolean("enableAntiCsrf") && antiCsrfEnabled;
    }

    private CoreResponse remove(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        Optional<String> userId = input.optionalString("userId");
        Optional<ArrayNode> handles = input.optionalArray("sessionHandles");
        List<String> handleList = new ArrayList<>();
        if (handles.isPresent()) {
            for (JsonNode handle : handles.get()) {
                if (!handle.isTextual()) {
                    throw JsonInput.invalid("sessionHandles");
                }
                handleList.add(handle.textValue());
            }
        }
        if (userId.isPresent() == handles.isPresent()) {
            throw new CoreError.BadRequest("Invalid JSON input - use one of userId or sessionHandles array");
        }
        if (userId.isEmpty() && input.optionalBoolean("revokeAcrossAllTenants").isPresent()) {
            throw new CoreError.BadRequest(
                    "Invalid JSON input - revokeAcrossAllTenants can only be set if userId is set");
        }
        if (userId.isEmpty()
                && input.optionalBoolean("revokeSessionsForLinkedAccounts").isPresent()) {
            throw new CoreError.BadRequest(
                    "Invalid JSON input - revokeSessionsForLinkedAccounts can only be set if userId is set");
        }
        List<String> revoked =
                userId.isPresent() ? sessions.removeAllForUser(userId.get()) : sessions.remove(handleList);
        ObjectNode reply = CoreReplies.status("OK");
        ArrayNode array = reply.putArray("sessionHandlesRevoked");
        revoked.forEach(array::add);
        return CoreResponse.ok(reply);
    }

    private CoreResponse handlesForUser(CoreRequest request) throws CoreError {
        String userId = request.requiredQueryParam("userId");
        ObjectNode reply = CoreReplies.status("OK");
        ArrayNode array = reply.putArray("sessionHandles");
        sessions.handlesForUser(userId).forEach(array::add);
        return CoreResponse.ok(reply);
    }

    /** Writes one JSON object of a session. */
    @FunctionalInterface
    private interface ObjectWriter {
        void write(String handle, ObjectNode value) throws SessionProblem;
    }

    /**
     * The session data and jwt data APIs: PUT replaces one JSON object of a session (named {@code field}
     * in the request), GET answers it under the same name.
     */
    private Endpoint sessionObject(
            String path, String field, ObjectWriter writer, Function<SessionService.Snapshot, ObjectNode> reader) {
        Endpoint.Handler put = request -> {
            JsonInput input = request.json();
            String handle = input.requiredString("sessionHandle");
            ObjectNode value = input.requiredObject(field);
            return answer(() -> {
                writer.write(handle, value);
                return CoreResponse.ok(CoreReplies.status("OK"));
            });
        };
        Endpoint.Handler get = request -> {
            String handle = request.requiredQueryParam("sessionHandle");
            return answer(() -> {
                ObjectNode reply = CoreReplies.status("OK");
                reply.set(field, reader.apply(sessions.get(handle)));
                return CoreResponse.ok(reply);
            });
        };
        return Endpoint.protectedApi(path, Map.of("PUT", put, "GET", get));
    }

    /** A step that may end in a session outcome other than OK. */
    @FunctionalInterface
    private interface SessionStep {
        CoreResponse run() throws SessionProblem, CoreError;
    }

    /** Runs {@code step}; an outcome other than OK is answered as the core answers it. */
    private static CoreResponse answer(SessionStep step) throws CoreError {
        try {
            return step.run();
        } catch (SessionProblem problem) {
            return CoreReplies.problem(problem);
        }
    }

    private static CoreResponse tokens(NewTokens tokens) {
        ObjectNode reply = CoreReplies.NODES.objectNode();
        reply.set("session", CoreReplies.session(tokens.session()));
        reply.set("accessToken", CoreReplies.token(tokens.accessToken()));
        reply.set("refreshToken", CoreReplies.token(tokens.refreshToken()));
        tokens.antiCsrfToken().ifPresent(token -> reply.put("antiCsrfToken", token));
        reply.put("status", "OK");
        return CoreResponse.ok(reply);
    }

    private static CoreResponse verified(Verified verified) {
        ObjectNode reply = CoreReplies.NODES.objectNode();
        reply.set("session", CoreReplies.session(verified.session()));
        verified.accessToken().ifPresent(token -> reply.set("accessToken", CoreReplies.token(token)));
        reply.put("status", "OK");
        return CoreResponse.ok(reply);
    }
}
