package dev.tollgate.localstack.appsync;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import graphql.validation.ValidationError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a graphql-java result in AppSync's shape (docs/aws.md#appsync-http): {@code data} first, then
 * {@code errors} where resolver errors carry {@code path, data, errorType, errorInfo, locations, message}
 * and validation errors carry {@code path: null, locations, message} in AppSync's wording
 * ({@code Validation error of type FieldUndefined: ... @ 'a/b'}).
 */
final class ResponseRenderer {

    private static final Pattern GRAPHQL_JAVA_PREFIX = Pattern.compile("^Validation error \\([^)]*\\) : ");

    private ResponseRenderer() {}

    static Map<String, Object> render(ExecutionResult result) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", result.getData());
        if (!result.getErrors().isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (GraphQLError error : result.getErrors()) {
                errors.add(error(error));
            }
            out.put("errors", errors);
        }
        return out;
    }

    private static Map<String, Object> error(GraphQLError error) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", error.getPath());
        if (error instanceof ResolverFailure failure) {
            out.put("data", null);
            out.put("errorType", failure.appSyncErrorType());
            out.put("errorInfo", null);
        }
        out.put("locations", locations(error.getLocations()));
        out.put(
                "message",
                error instanceof ValidationError validation ? appSyncWording(validation) : error.getMessage());
        return out;
    }

    private static String appSyncWording(ValidationError error) {
        // graphql-java prefixes its description with its own "Validation error (Type@[path]) : ".
        String description = GRAPHQL_JAVA_PREFIX.matcher(error.getDescription()).replaceFirst("");
        StringBuilder message = new StringBuilder("Validation error of type ")
                .append(error.getValidationErrorType())
                .append(": ")
                .append(description);
        if (error.getQueryPath() != null && !error.getQueryPath().isEmpty()) {
            message.append(" @ '")
                    .append(String.join("/", error.getQueryPath()))
                    .append("'");
        }
        return message.toString();
    }

    private static List<Map<String, Object>> locations(List<SourceLocation> locations) {
        if (locations == null) {
            return null;
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (SourceLocation location : locations) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("line", location.getLine());
            l.put("column", location.getColumn());
            l.put("sourceName", null);
            out.add(l);
        }
        return out;
    }
}
