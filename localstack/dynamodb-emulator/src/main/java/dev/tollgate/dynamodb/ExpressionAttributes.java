package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A request's expressions with their ExpressionAttributeNames / ExpressionAttributeValues: the maps'
 * form is checked, placeholders are resolved while parsing, and any name or value the expressions do
 * not use is refused, as DynamoDB does.
 */
final class ExpressionAttributes {

    private ExpressionAttributes() {}

    /** Parses {@code expression} (the request member {@code kind}) against the request's placeholder maps. */
    static Expression parse(ObjectNode request, String kind, String expression) {
        JsonNode names = request.get("ExpressionAttributeNames");
        JsonNode values = expressionValues(request);
        checkNames(names);
        ExpressionParser.Usage usage = new ExpressionParser.Usage();
        Expression parsed = new ExpressionParser(kind, names, values, usage.names, usage.values).parse(expression);
        refuseUnused(names, values, usage);
        return parsed;
    }

    /** The request's ConditionExpression as a test of the stored item; always true when there is none. */
    static Predicate<JsonNode> condition(ObjectNode request) {
        String expression = Requests.text(request, "ConditionExpression", null);
        if (expression == null) {
            refuseExpressionAttributes(request, true);
            return item -> true;
        }
        Expression parsed = parse(request, "ConditionExpression", expression);
        ExpressionEvaluator evaluator = new ExpressionEvaluator("ConditionExpression");
        return item -> evaluator.test(parsed, item);
    }

    static void refuseExpressionAttributes(ObjectNode request, boolean valuesToo) {
        JsonNode names = request.get("ExpressionAttributeNames");
        if (names != null && !names.isNull()) {
            throw DynamoDbError.validation("ExpressionAttributeNames can only be specified when using expressions");
        }
        JsonNode values = request.get("ExpressionAttributeValues");
        if (values != null && !values.isNull()) {
            throw DynamoDbError.validation(
                    valuesToo
                            ? "ExpressionAttributeValues can only be specified when using expressions"
                            : "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
        }
    }

    private static void checkNames(JsonNode names) {
        if (names == null || names.isNull()) {
            return;
        }
        if (!names.isObject()) {
            throw DynamoDbError.serialization("ExpressionAttributeNames must be a map");
        }
        if (names.isEmpty()) {
            throw DynamoDbError.validation("ExpressionAttributeNames must not be empty");
        }
        for (Iterator<String> it = names.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith("#") || key.length() < 2) {
                throw DynamoDbError.validation(
                        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
            }
            if (!names.get(key).isTextual() || names.get(key).textValue().isEmpty()) {
                throw DynamoDbError.validation(
                        "ExpressionAttributeNames contains invalid value: Empty attribute name; for key: \"" + key
                                + "\"");
            }
        }
    }

    private static JsonNode expressionValues(ObjectNode request) {
        JsonNode values = request.get("ExpressionAttributeValues");
        if (values == null || values.isNull()) {
            return null;
        }
        if (!values.isObject()) {
            throw DynamoDbError.serialization("ExpressionAttributeValues must be a map");
        }
        if (values.isEmpty()) {
            throw DynamoDbError.validation("ExpressionAttributeValues must not be empty");
        }
        for (Iterator<String> it = values.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(":") || key.length() < 2) {
                throw DynamoDbError.validation(
                        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
            }
            AttributeValues.validate(values.get(key));
        }
        return values;
    }

    private static void refuseUnused(JsonNode names, JsonNode values, ExpressionParser.Usage usage) {
        Set<String> unusedNames = unused(names, usage.names);
        if (!unusedNames.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                    + String.join(", ", unusedNames) + "}");
        }
        Set<String> unusedValues = unused(values, usage.values);
        if (!unusedValues.isEmpty()) {
            throw DynamoDbError.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                    + String.join(", ", unusedValues) + "}");
        }
    }

    private static Set<String> unused(JsonNode provided, Set<String> used) {
        Set<String> unused = new TreeSet<>();
        if (provided != null && !provided.isNull()) {
            provided.fieldNames().forEachRemaining(unused::add);
        }
        unused.removeAll(new HashSet<>(used));
        return unused;
    }
}
