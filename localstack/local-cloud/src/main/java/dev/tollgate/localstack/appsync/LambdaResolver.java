package dev.tollgate.localstack.appsync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tollgate.localstack.gateway.LambdaInvoker;
import graphql.execution.DataFetcherResult;
import graphql.language.AstPrinter;
import graphql.language.SelectionSet;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.SelectedField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A direct Lambda resolver: builds AppSync's resolver event for the field (docs/aws.md#appsync-lambda-event), invokes the
 * function through the {@link LambdaInvoker} as JSON text, and turns the answer into the field's value
 * or an AppSync error.
 */
final class LambdaResolver implements DataFetcher<Object> {

    /** Where the GraphQL context keeps the incoming request's headers (lower-case names). */
    static final String HEADERS = "appsync.request.headers";

    static final String FUNCTION_ARN_PREFIX = "arn:aws:lambda:us-east-1:000000000000:function:";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String functionArn;
    private final LambdaInvoker invoker;

    LambdaResolver(String functionName, LambdaInvoker invoker) {
        this.functionArn = FUNCTION_ARN_PREFIX + functionName;
        this.invoker = invoker;
    }

    @Override
    public Object get(DataFetchingEnvironment env) throws JsonProcessingException {
        String eventJson = JSON.writeValueAsString(event(env));
        LambdaInvoker.Invocation invocation = invoker.invoke(functionArn, eventJson);
        if (invocation instanceof LambdaInvoker.Invocation.Success success) {
            try {
                return JSON.readValue(success.payloadJson(), Object.class);
            } catch (JsonProcessingException e) {
                return failure(
                        env, "Lambda:IllegalResponse", "The Lambda function returned a payload that is not JSON.");
            }
        }
        if (invocation instanceof LambdaInvoker.Invocation.FunctionError error) {
            return failure(env, ResolverFailure.LAMBDA_UNHANDLED, error.errorMessage());
        }
        LambdaInvoker.Invocation.Failed failed = (LambdaInvoker.Invocation.Failed) invocation;
        return failure(env, ResolverFailure.LAMBDA_UNHANDLED, failed.reason());
    }

    private static DataFetcherResult<Object> failure(DataFetchingEnvironment env, String errorType, String message) {
        return DataFetcherResult.newResult()
                .error(new ResolverFailure(
                        errorType,
                        message,
                        env.getField().getSourceLocation(),
                        env.getExecutionStepInfo().getPath()))
                .build();
    }

    /** AppSync's direct Lambda resolver event for an API-key call. */
    static Map<String, Object> event(DataFetchingEnvironment env) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("arguments", env.getArguments());
        event.put("identity", null);
        event.put("source", env.getSource());
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("headers", env.getGraphQlContext().getOrDefault(HEADERS, Map.of()));
        request.put("domainName", null);
        event.put("request", request);
        event.put("prev", null);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("selectionSetList", selectionSetList(env));
        info.put("selectionSetGraphQL", selectionSetGraphQl(env.getField().getSelectionSet()));
        info.put("parentTypeName", ((GraphQLObjectType) env.getParentType()).getName());
        info.put("fieldName", env.getField().getName());
        info.put("variables", env.getVariables());
        event.put("info", info);
        event.put("stash", Map.of());
        return event;
    }

    /** Every selected field below this one, as paths joined by {@code /} (AppSync's format). */
    private static List<String> selectionSetList(DataFetchingEnvironment env) {
        List<String> out = new ArrayList<>();
        for (SelectedField field : env.getSelectionSet().getFields()) {
            if (!out.contains(field.getQualifiedName())) {
                out.add(field.getQualifiedName());
            }
        }
        return out;
    }

    private static String selectionSetGraphQl(SelectionSet selectionSet) {
        return selectionSet == null ? "" : AstPrinter.printAst(selectionSet);
    }
}
