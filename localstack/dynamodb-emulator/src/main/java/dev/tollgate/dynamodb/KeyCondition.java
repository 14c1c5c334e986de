package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Query's KeyConditionExpression, checked against the key schema as DynamoDB does: exactly one equality on
 * the partition key, and at most one condition on the sort key ({@code = < <= > >=}, BETWEEN, begins_with),
 * joined by AND; anything else is refused.
 */
record KeyCondition(KeyValue partition, Expression expression) {

    private static final String KIND = "KeyConditionExpression";

    static KeyCondition of(Expression expression, KeySchema schema) {
        List<Expression> parts = new ArrayList<>();
        flatten(expression, parts);
        if (parts.size() > 2) {
            throw DynamoDbError.validation("Conditions can be of length 1 or 2 only");
        }
        KeyValue partition = null;
        boolean sortSeen = false;
        for (Expression part : parts) {
            String attribute = keyAttribute(part);
            String type = schema.typeOf(attribute);
            if (type == null) {
                throw DynamoDbError.validation("Query condition missed key schema element: " + schema.hashName());
            }
            for (JsonNode value : values(part)) {
                if (!AttributeValues.type(value).equals(type)) {
                    throw DynamoDbError.invalidParameter("Condition parameter type does not match schema type");
                }
            }
            if (attribute.equals(schema.hashName())) {
                if (!(part instanceof Expression.Compare c) || !c.operator().equals("=") || partition != null) {
                    throw DynamoDbError.validation("Query key condition not supported");
                }
                partition = KeyValue.of(values(part).get(0));
            } else {
                if (sortSeen) {
                    throw DynamoDbError.validation("Query key condition not supported");
                }
                if (part instanceof Expression.Compare c && c.operator().equals("<>")) {
                    throw DynamoDbError.validation(
                            "Invalid " + KIND + ": Invalid operator used in KeyConditionExpression: <>");
                }
                if (part instanceof Expression.BeginsWith && type.equals("N")) {
                    throw DynamoDbError.validation(
                            "Invalid " + KIND
                                    + ": Incorrect operand type for operator or function; operator or function: begins_with, operand type: N");
                }
                sortSeen = true;
            }
        }
        if (partition == null) {
            throw DynamoDbError.validation("Query condition missed key schema element: " + schema.hashName());
        }
        return new KeyCondition(partition, expression);
    }

    private static void flatten(Expression expression, List<Expression> out) {
        if (expression instanceof Expression.And and) {
            flatten(and.left(), out);
            flatten(and.right(), out);
        } else if (expression instanceof Expression.Or
                || expression instanceof Expression.Not
                || expression instanceof Expression.In
                || expression instanceof Expression.AttributeExists
                || expression instanceof Expression.AttributeNotExists) {
            throw DynamoDbError.validation("Invalid " + KIND + ": Invalid operator used in KeyConditionExpression: "
                    + operatorName(expression));
        } else {
            out.add(expression);
        }
    }

    private static String operatorName(Expression expression) {
        if (expression instanceof Expression.Or) {
            return "OR";
        }
        if (expression instanceof Expression.Not) {
            return "NOT";
        }
        if (expression instanceof Expression.In) {
            return "IN";
        }
        return expression instanceof Expression.AttributeExists ? "attribute_exists" : "attribute_not_exists";
    }

    /** The key attribute a single condition constrains: the path on one side, values on the other. */
    private static String keyAttribute(Expression part) {
        Expression.Operand subject;
        List<Expression.Operand> others = new ArrayList<>();
        if (part instanceof Expression.Compare c) {
            subject = c.left();
            others.add(c.right());
        } else if (part instanceof Expression.Between b) {
            subject = b.operand();
            others.add(b.low());
            others.add(b.high());
        } else {
            Expression.BeginsWith b = (Expression.BeginsWith) part;
            subject = b.operand();
            others.add(b.prefix());
        }
        if (!(subject instanceof Expression.Path path)
                || !others.stream().allMatch(o -> o instanceof Expression.Value)) {
            throw DynamoDbError.validation("Query key condition not supported");
        }
        return path.name();
    }

    private static List<JsonNode> values(Expression part) {
        List<JsonNode> out = new ArrayList<>();
        if (part instanceof Expression.Compare c) {
            out.add(((Expression.Value) c.right()).value());
        } else if (part instanceof Expression.Between b) {
            out.add(((Expression.Value) b.low()).value());
            out.add(((Expression.Value) b.high()).value());
        } else {
            out.add(((Expression.Value) ((Expression.BeginsWith) part).prefix()).value());
        }
        return out;
    }
}
