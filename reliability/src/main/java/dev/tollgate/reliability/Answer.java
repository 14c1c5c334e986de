package dev.tollgate.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One answer as a browser sees it.
 *
 * @param status        the HTTP status, or {@link #TRANSPORT_ERROR} when no answer came (reset, timeout)
 * @param body          the parsed JSON body, or a missing node
 * @param setCookies    the {@code Set-Cookie} lines
 * @param frontToken    the {@code front-token} header, or {@code null}
 * @param latencyMillis from sending to the whole body received
 */
public record Answer(int status, JsonNode body, List<String> setCookies, String frontToken, long latencyMillis) {

    public static final int TRANSPORT_ERROR = -1;

    /** A GraphQL answer with data and no errors, or a 2xx auth answer with status OK. */
    public boolean succeeded() {
        return status == 200
                && !body.has("errors")
                && !"GENERAL_ERROR".equals(body.path("status").asText());
    }

    /** A 200 GraphQL answer that carries errors (the resolver or AppSync failed). */
    public boolean graphqlError() {
        return status == 200 && body.has("errors");
    }

    /** The key the report counts statuses by: the code, {@code 200+errors}, or {@code transport}. */
    public String statusKey() {
        if (status == TRANSPORT_ERROR) {
            return "transport";
        }
        return graphqlError() ? "200+errors" : Integer.toString(status);
    }
}
