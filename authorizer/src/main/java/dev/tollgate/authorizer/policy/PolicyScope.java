package dev.tollgate.authorizer.policy;

import dev.tollgate.authorizer.event.MethodArn;

/** Which resource the returned policy names. */
public enum PolicyScope {

    /**
     * Exactly the called method's ARN. Right for TTL 0 (no authorizer caching): the policy is
     * evaluated once, against this very ARN.
     */
    METHOD,

    /**
     * Every method of the stage ({@code .../{apiId}/{stage}/*}{@code /*}). Needed only when the
     * authorizer result is cached, because API Gateway then re-evaluates the cached policy against
     * other methods' ARNs.
     */
    API;

    /** The longest Resource API Gateway accepts in a policy statement. */
    static final int MAX_RESOURCE_LENGTH = 512;

    String resourceFor(MethodArn arn) {
        if (this == API) {
            return arn.apiScope() + "/*/*";
        }
        if (arn.value().length() <= MAX_RESOURCE_LENGTH) {
            return arn.value();
        }
        // A very long path cannot be named in a statement. With TTL 0 the policy is only ever
        // evaluated against this request's ARN, so a pattern for the same stage and verb grants
        // nothing more than the exact ARN would.
        return arn.apiScope() + "/" + arn.verb() + "/*";
    }
}
