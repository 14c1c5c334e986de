package dev.tollgate.localstack.core.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.localstack.core.http.CoreError;
import dev.tollgate.localstack.core.http.CoreRequest;
import dev.tollgate.localstack.core.http.CoreResponse;
import dev.tollgate.localstack.core.http.Endpoint;
import dev.tollgate.localstack.core.http.JsonInput;
import dev.tollgate.localstack.core.user.EmailVerification;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Create a verification token, verify with it, ask whether a (user, email) pair is verified, revoke a
 * pair's tokens, unverify a pair.
 */
final class EmailVerificationApi {

    private final EmailVerification verification;

    EmailVerificationApi(EmailVerification verification) {
        this.verification = verification;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.post("/recipe/user/email/verify/token", this::createToken),
                Endpoint.post("/recipe/user/email/verify/token/remove", this::revokeTokens),
                Endpoint.post("/recipe/user/email/verify/remove", this::unverify),
                Endpoint.protectedApi(
                        "/recipe/user/email/verify", Map.of("POST", this::verify, "GET", this::isVerified)));
    }

    private CoreResponse createToken(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String userId = input.requiredString("userId");
        String email = input.requiredString("email");
        Optional<String> token = verification.createToken(userId, email);
        if (token.isEmpty()) {
            return CoreResponse.ok(CoreReplies.status("EMAIL_ALREADY_VERIFIED_ERROR"));
        }
        return CoreResponse.ok(CoreReplies.status("OK").put("token", token.get()));
    }

    private CoreResponse revokeTokens(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        verification.revokeTokens(input.requiredString("userId"), input.requiredString("email"));
        return CoreResponse.ok(CoreReplies.status("OK"));
    }

    private CoreResponse unverify(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        verification.unverify(input.requiredString("userId"), input.requiredString("email"));
        return CoreResponse.ok(CoreReplies.status("OK"));
    }

    private CoreResponse verify(CoreRequest request) throws CoreError {
        JsonInput input = request.json();
        String method = input.requiredString("method");
        String token = input.requiredString("token");
        if (!method.equals("token")) {
            throw new CoreError.BadRequest("Unsupported method for email verification");
        }
        Optional<EmailVerification.Pair> pair = verification.verify(token);
        if (pair.isEmpty()) {
            return CoreResponse.ok(CoreReplies.status("EMAIL_VERIFICATION_INVALID_TOKEN_ERROR"));
        }
        ObjectNode reply = CoreReplies.status("OK");
        reply.put("userId", pair.get().userId());
        reply.put("email", pair.get().email());
        return CoreResponse.ok(reply);
    }

    private CoreResponse isVerified(CoreRequest request) throws CoreError {
        String userId = request.requiredQueryParam("userId");
        String email = request.requiredQueryParam("email");
        return CoreResponse.ok(CoreReplies.status("OK").put("isVerified", verification.isVerified(userId, email)));
    }
}
