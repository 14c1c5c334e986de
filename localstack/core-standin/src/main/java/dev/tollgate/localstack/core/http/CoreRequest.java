package dev.tollgate.localstack.core.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call to the core after routing (only the public tenant exists, so none is carried): the API
 * path with any {@code /appid-x} and tenant prefix removed, the decoded query parameters (first value
 * wins, like the servlet API) and the raw body.
 */
public record CoreRequest(String method, String apiPath, Map<String, List<String>> query, byte[] body) {

    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The core's 400 for a required query parameter that is absent. */
    public String requiredQueryParam(String name) throws CoreError.BadRequest {
        return queryParam(name)
                .orElseThrow(() -> new CoreError.BadRequest("Field name '" + name + "' is missing in GET request"));
    }

    public JsonInput json() throws CoreError.BadRequest {
        return JsonInput.parse(body);
    }
}
