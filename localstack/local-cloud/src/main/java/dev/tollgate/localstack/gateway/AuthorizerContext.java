package dev.tollgate.localstack.gateway;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a successful authorizer call left for the rest of the request: the principal and the context,
 * already stringified (docs/aws.md#authorizer-output). A context key whose value was JSON {@code null} is kept with
 * a null value: it appears in proxy events but maps to nothing.
 */
record AuthorizerContext(String principalId, Map<String, String> values, long latencyMillis) {

    AuthorizerContext {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** {@code $context.authorizer.*} variables: principalId plus every non-null context value. */
    Map<String, String> variables() {
        Map<String, String> vars = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                vars.put("authorizer." + k, v);
            }
        });
        vars.put("authorizer.principalId", principalId);
        return vars;
    }
}
