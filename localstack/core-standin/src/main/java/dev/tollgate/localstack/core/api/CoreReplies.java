package dev.tollgate.localstack.core.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.http.CoreError;
import dev.tollgate.localstack.core.http.CoreResponse;
import dev.tollgate.localstack.core.session.IssuedSession;
import dev.tollgate.localstack.core.session.MintedToken;
import dev.tollgate.localstack.core.session.SessionProblem;

/** JSON building blocks shared by the endpoints, and the one mapping of session problems to answers. */
final class CoreReplies {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CoreReplies() {}

    static ObjectNode status(String status) {
        return NODES.objectNode().put("status", status);
    }

    static ObjectNode session(IssuedSession session) {
        ObjectNode json = NODES.objectNode();
        json.put("handle", session.handle());
        json.put("userId", session.userId());
        json.put("recipeUserId", session.recipeUserId());
        json.set("userDataInJWT", session.userDataInJWT());
        json.put("tenantId", session.tenantId());
        return json;
    }

    static ObjectNode token(MintedToken token) {
        ObjectNode json = NODES.objectNode();
        json.put("token", token.token());
        json.put("expiry", token.expiry());
        json.put("createdTime", token.createdTime());
        return json;
    }

    /** The core's answer for each non-OK session outcome. */
    static CoreResponse problem(SessionProblem problem) throws CoreError {
        if (problem instanceof SessionProblem.Unauthorised) {
            return CoreResponse.ok(status("UNAUTHORISED").put("message", problem.getMessage()));
        }
        if (problem instanceof SessionProblem.TryRefresh) {
            return CoreResponse.ok(status("TRY_REFRESH_TOKEN").put("message", problem.getMessage()));
        }
        if (problem instanceof SessionProblem.TokenTheft theft) {
            ObjectNode session = NODES.objectNode();
            session.put("handle", theft.sessionHandle());
            session.put("userId", theft.userId());
            session.put("recipeUserId", theft.recipeUserId());
            ObjectNode reply = status("TOKEN_THEFT_DETECTED");
            reply.set("session", session);
            return CoreResponse.ok(reply);
        }
        if (problem instanceof SessionProblem.PayloadError) {
            throw new CoreError.BadRequest(problem.getMessage());
        }
        if (problem instanceof SessionProblem.MalformedToken) {
            throw new CoreError.CoreFailure(problem.getMessage());
        }
        throw new IllegalStateException(
                "unmapped session outcome " + problem.getClass().getSimpleName());
    }
}
