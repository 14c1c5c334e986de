package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Evaluates a parsed expression against one item (or against nothing, for a write to a missing item).
 * As in DynamoDB, a comparison that reads a missing attribute is false, and ordering comparisons between
 * different types are false rather than errors.
 */
final class ExpressionEvaluator {

    private final String kind;

    ExpressionEvaluator(String kind) {
        this.kind = kind;
    }

    boolean test(Expression expression, JsonNode item) {
        if (expression instanceof Expression.And and) {
            return test(and.left(), item) && test(and.right(), item);
        }
        if (expression instanceof Expression.Or or) {
            return test(or.left(), item) || test(or.right(), item);
        }
        if (expression instanceof Expression.Not not) {
            return !test(not.inner(), item);
        }
        if (expression instanceof Expression.AttributeExists e) {
            return item != null && item.has(e.path().name());
        }
        if (expression instanceof Expression.AttributeNotExists e) {
            return item == null || !item.has(e.path().name());
        }
        if (expression instanceof Expression.BeginsWith b) {
            return beginsWith(read(b.operand(), item), read(b.prefix(), item));
        }
        if (expression instanceof Expression.Compare c) {
            return compare(read(c.left(), item), c.operator(), read(c.right(), item));
        }
        if (expression instanceof Expression.Between b) {
            JsonNode value = read(b.operand(), item);
            return compare(value, ">=", read(b.low(), item)) && compare(value, "<=", read(b.high(), item));
        }
        Expression.In in = (Expression.In) expression;
        JsonNode value = read(in.operand(), item);
        for (Expression.Operand candidate : in.candidates()) {
            if (compare(value, "=", read(candidate, item))) {
                return true;
            }
        }
        return false;
    }

    private static boolean beginsWith(JsonNode value, JsonNode prefix) {
        if (value == null || prefix == null) {
            return false;
        }
        String type = AttributeValues.type(value);
        if (!type.equals(AttributeValues.type(prefix)) || !(type.equals("S") || type.equals("B"))) {
            return false;
        }
        return KeyValue.of(value).startsWith(KeyValue.of(prefix));
    }

    private static boolean compare(JsonNode left, String operator, JsonNode right) {
        if (left == null || right == null) {
            return false;
        }
        if (operator.equals("=")) {
            return AttributeValues.equal(left, right);
        }
        if (operator.equals("<>")) {
            return !AttributeValues.equal(left, right);
        }
        Integer order = AttributeValues.compare(left, right);
        if (order == null) {
            return false;
        }
        return switch (operator) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private JsonNode read(Expression.Operand operand, JsonNode item) {
        if (operand instanceof Expression.Value v) {
            return v.value();
        }
        if (operand instanceof Expression.Path p) {
            return item == null ? null : item.get(p.name());
        }
        Expression.Size s = (Expression.Size) operand;
        JsonNode value = item == null ? null : item.get(s.path().name());
        if (value == null) {
            return null;
        }
        long size = AttributeValues.size(value);
        if (size < 0) {
            throw DynamoDbError.validation("Invalid " + kind
                    + ": Incorrect operand type for operator or function; operator or function: size, operand type: "
                    + AttributeValues.type(value));
        }
        return JsonNodeFactory.instance.objectNode().put("N", Long.toString(size));
    }
}
