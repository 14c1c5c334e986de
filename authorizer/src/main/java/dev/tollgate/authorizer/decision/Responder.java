package dev.tollgate.authorizer.decision;

import dev.tollgate.authorizer.event.MethodArn;
import dev.tollgate.authorizer.policy.PolicyWriter;
import dev.tollgate.authorizer.policy.PolicyWriter.Effect;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where a decision becomes what API Gateway receives: a policy document, or a Lambda
 * error whose message selects 401 ({@code Unauthorized}) or 500 (anything else).
 */
public final class Responder {

    private final PolicyWriter policies;

    public Responder(PolicyWriter policies) {
        this.policies = policies;
    }

    /**
     * @param arn the method ARN; {@code null} only for failures on events that had none
     * @throws UnauthorizedError for {@link Decision.Unauthorized}
     * @throws AuthorizerError   for {@link Decision.Failure}
     */
    public void respond(Decision decision, MethodArn arn, String requestId, OutputStream out) throws IOException {
        // Java 17: no pattern switch yet; the sealed hierarchy keeps this list complete.
        if (decision instanceof Decision.Allow allow) {
            Map<String, String> context = new LinkedHashMap<>(4);
            // Always present (empty when there is nothing to set), as in SuperTokens' recipe; the
            // gateway omits a mapped header whose value is empty.
            context.put("setCookie", orEmpty(allow.setCookie()));
            context.put("frontToken", allow.frontToken());
            policies.write(out, orEmpty(allow.userId()), Effect.Allow, arn, context);
        } else if (decision instanceof Decision.Deny deny) {
            Map<String, String> context = new LinkedHashMap<>(4);
            context.put("body", deny.body());
            context.put("setCookie", orEmpty(deny.setCookie()));
            // principalId stays "" on a Deny, as in the recipe: nothing downstream runs.
            policies.write(out, "", Effect.Deny, arn, context);
        } else if (decision instanceof Decision.Unauthorized) {
            throw new UnauthorizedError();
        } else {
            throw new AuthorizerError(decision.reason(), requestId);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
