package dev.tollgate.authorizer.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import dev.tollgate.authorizer.event.MethodArn;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes the authorizer result JSON that API Gateway REST expects, field by field:
 * {@code {"principalId", "policyDocument": {"Version", "Statement": [{"Action", "Effect",
 * "Resource"}]}, "context": {...}}}. No {@code Condition} key and no nulls: context values are
 * strings only, because API Gateway rejects objects and arrays there (500) and stringifies the rest.
 */
public final class PolicyWriter {

    public enum Effect {
        Allow,
        Deny
    }

    // The output stream belongs to the Lambda runtime; the generator must not close it.
    private final JsonFactory json =
            JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();
    private final PolicyScope scope;

    public PolicyWriter(PolicyScope scope) {
        this.scope = scope;
    }

    /**
     * @param context keys in the order they should appear; {@code null} values are left out
     */
    public void write(OutputStream out, String principalId, Effect effect, MethodArn arn, Map<String, String> context)
            throws IOException {
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("principalId", principalId);
            g.writeObjectFieldStart("policyDocument");
            g.writeStringField("Version", "2012-10-17");
            g.writeArrayFieldStart("Statement");
            g.writeStartObject();
            g.writeStringField("Action", "execute-api:Invoke");
            g.writeStringField("Effect", effect.name());
            g.writeStringField("Resource", scope.resourceFor(arn));
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeObjectFieldStart("context");
            for (Map.Entry<String, String> e : context.entrySet()) {
                if (e.getValue() != null) {
                    g.writeStringField(e.getKey(), e.getValue());
                }
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }
}
