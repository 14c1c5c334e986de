package dev.tollgate.localstack.appsync;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import java.util.List;

/**
 * A field whose resolver failed, carrying AppSync's {@code errorType}. For a direct Lambda resolver
 * AppSync reports every function error as {@code Lambda:Unhandled} with the function's errorMessage.
 */
final class ResolverFailure implements GraphQLError {

    private static final long serialVersionUID = 1L;
    static final String LAMBDA_UNHANDLED = "Lambda:Unhandled";

    private final String errorType;
    private final String message;
    private final List<SourceLocation> locations;
    private final List<Object> path;

    ResolverFailure(String errorType, String message, SourceLocation location, ResultPath path) {
        this.errorType = errorType;
        this.message = message;
        this.locations = location == null ? List.of() : List.of(location);
        this.path = path.toList();
    }

    String appSyncErrorType() {
        return errorType;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(errorType);
    }
}
