package dev.tollgate.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses DynamoDB's condition expression language (the subset Tollgate needs: comparisons, BETWEEN, IN,
 * AND / OR / NOT, parentheses, attribute_exists, attribute_not_exists, begins_with, size) and resolves
 * {@code #name} and {@code :value} placeholders against the request, recording which were used so that
 * unused ones can be refused the way DynamoDB refuses them.
 *
 * <p>Grammar, lowest precedence first: {@code or := and (OR and)*}, {@code and := not (AND not)*},
 * {@code not := NOT not | primary}, {@code primary := ( or ) | function | operand comparison}.
 */
final class ExpressionParser {

    /** DynamoDB's limit for any expression string, counted in bytes as sent. */
    static final int MAX_EXPRESSION_BYTES = 4096;
    /**
     * Parentheses and NOTs nested deeper are refused (this emulator's limit: DynamoDB documents none). The
     * parser recurses per level; unbounded, 4 KB of "(" overflowed the stack and the client got no answer.
     */
    static final int MAX_NESTING = 200;

    private final String kind;
    private final JsonNode names;
    private final JsonNode values;
    private final Set<String> usedNames;
    private final Set<String> usedValues;
    private List<String> tokens;
    private int position;
    private int depth;

    /**
     * @param kind   the request member, used in messages ({@code ConditionExpression}, ...)
     * @param names  ExpressionAttributeNames of the request, or null
     * @param values ExpressionAttributeValues of the request, or null
     */
    ExpressionParser(String kind, JsonNode names, JsonNode values, Set<String> usedNames, Set<String> usedValues) {
        this.kind = kind;
        this.names = names;
        this.values = values;
        this.usedNames = usedNames;
        this.usedValues = usedValues;
    }

    Expression parse(String text) {
        if (text.isBlank()) {
            throw DynamoDbError.validation("Invalid " + kind + ": The expression can not be empty;");
        }
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_EXPRESSION_BYTES) {
            throw DynamoDbError.validation("Invalid " + kind
                    + ": Expression size has exceeded the maximum allowed size; expression size: " + size);
        }
        tokens = tokenize(text);
        position = 0;
        depth = 0;
        Expression expression = or();
        if (position < tokens.size()) {
            throw syntax(tokens.get(position));
        }
        return expression;
    }

    private Expression or() {
        Expression left = and();
        while (keyword("OR")) {
            left = new Expression.Or(left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = not();
        while (keyword("AND")) {
            left = new Expression.And(left, not());
        }
        return left;
    }

    private Expression not() {
        if (keyword("NOT")) {
            enter();
            Expression negated = new Expression.Not(not());
            depth--;
            return negated;
        }
        return primary();
    }

    private Expression primary() {
        if (accept("(")) {
            enter();
            Expression inner = or();
            expect(")");
            depth--;
            return inner;
        }
        String token = peek();
        if (isIdentifier(token) && "(".equals(peekAt(1))) {
            String function = token;
            String lower = function.toLowerCase(Locale.ROOT);
            switch (lower) {
                case "attribute_exists", "attribute_not_exists" -> {
                    position += 2;
                    Expression.Path path = path();
                    expect(")");
                    return lower.equals("attribute_exists")
                            ? new Expression.AttributeExists(path)
                            : new Expression.AttributeNotExists(path);
                }
                case "begins_with" -> {
                    position += 2;
                    Expression.Operand operand = operand();
                    expect(",");
                    Expression.Operand prefix = operand();
                    expect(")");
                    return new Expression.BeginsWith(operand, prefix);
                }
                case "size" -> {
                    // size(...) is an operand: fall through to the comparison below
                }
                default ->
                    throw DynamoDbError.validation(
                            "Invalid " + kind + ": Invalid function name; function: " + function);
            }
        }
        Expression.Operand left = operand();
        String next = peek();
        if (next == null) {
            throw DynamoDbError.validation("Invalid " + kind + ": Syntax error; token: <EOF>, near: \""
                    + tokens.get(tokens.size() - 1) + "\"");
        }
        if (keyword("BETWEEN")) {
            Expression.Operand low = operand();
            if (!keyword("AND")) {
                throw syntax(peek());
            }
            return new Expression.Between(left, low, operand());
        }
        if (keyword("IN")) {
            expect("(");
            List<Expression.Operand> candidates = new ArrayList<>();
            do {
                candidates.add(operand());
            } while (accept(","));
            expect(")");
            return new Expression.In(left, candidates);
        }
        if (List.of("=", "<>", "<", "<=", ">", ">=").contains(next)) {
            position++;
            return new Expression.Compare(left, next, operand());
        }
        throw syntax(next);
    }

    private void enter() {
        if (++depth > MAX_NESTING) {
            throw DynamoDbError.validation("Invalid " + kind + ": The expression nests parentheses and NOT more than "
                    + MAX_NESTING + " levels deep (a limit of the Tollgate DynamoDB emulator)");
        }
    }

    private Expression.Operand operand() {
        String token = peek();
        if (token == null) {
            throw DynamoDbError.validation("Invalid " + kind + ": Syntax error; token: <EOF>, near: \""
                    + tokens.get(tokens.size() - 1) + "\"");
        }
        if (token.startsWith(":")) {
            position++;
            return new Expression.Value(token, value(token));
        }
        if (token.equalsIgnoreCase("size") && "(".equals(peekAt(1))) {
            position += 2;
            Expression.Path path = path();
            expect(")");
            return new Expression.Size(path);
        }
        return path();
    }

    private Expression.Path path() {
        String token = peek();
        if (token == null) {
            throw DynamoDbError.validation("Invalid " + kind + ": Syntax error; token: <EOF>, near: \""
                    + tokens.get(tokens.size() - 1) + "\"");
        }
        if (token.startsWith("#")) {
            position++;
            return new Expression.Path(name(token));
        }
        if (isIdentifier(token)) {
            position++;
            return new Expression.Path(token);
        }
        throw syntax(token);
    }

    private String name(String placeholder) {
        JsonNode resolved = names == null ? null : names.get(placeholder);
        if (resolved == null || !resolved.isTextual()) {
            throw DynamoDbError.validation("Invalid " + kind
                    + ": An expression attribute name used in the document path is not defined; attribute name: "
                    + placeholder);
        }
        usedNames.add(placeholder);
        return resolved.textValue();
    }

    private JsonNode value(String placeholder) {
        JsonNode resolved = values == null ? null : values.get(placeholder);
        if (resolved == null) {
            throw DynamoDbError.validation("Invalid " + kind
                    + ": An expression attribute value used in expression is not defined; attribute value: "
                    + placeholder);
        }
        usedValues.add(placeholder);
        return resolved;
    }

    private boolean keyword(String word) {
        String token = peek();
        if (token != null && token.equalsIgnoreCase(word)) {
            position++;
            return true;
        }
        return false;
    }

    private boolean accept(String symbol) {
        if (symbol.equals(peek())) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String symbol) {
        if (!accept(symbol)) {
            String token = peek();
            if (token == null) {
                throw DynamoDbError.validation("Invalid " + kind + ": Syntax error; token: <EOF>, near: \""
                        + tokens.get(tokens.size() - 1) + "\"");
            }
            throw syntax(token);
        }
    }

    private String peek() {
        return peekAt(0);
    }

    private String peekAt(int offset) {
        int index = position + offset;
        return index < tokens.size() ? tokens.get(index) : null;
    }

    private DynamoDbError syntax(String token) {
        // Callers pass the token at the current position.
        String near = position > 0 ? tokens.get(position - 1) + " " + token : token;
        return DynamoDbError.validation(
                "Invalid " + kind + ": Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    private static boolean isIdentifier(String token) {
        if (token == null || token.isEmpty() || !(Character.isLetter(token.charAt(0)) || token.charAt(0) == '_')) {
            return false;
        }
        return token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_');
    }

    private List<String> tokenize(String text) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',' || c == '=') {
                out.add(String.valueOf(c));
                i++;
            } else if (c == '<' || c == '>') {
                if (i + 1 < text.length() && (text.charAt(i + 1) == '=' || (c == '<' && text.charAt(i + 1) == '>'))) {
                    out.add(text.substring(i, i + 2));
                    i += 2;
                } else {
                    out.add(String.valueOf(c));
                    i++;
                }
            } else if (c == '#' || c == ':' || Character.isLetterOrDigit(c) || c == '_') {
                int start = i++;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                String token = text.substring(start, i);
                if (token.length() == 1 && (c == '#' || c == ':')) {
                    throw DynamoDbError.validation("Invalid " + kind + ": Syntax error; token: \"" + c + "\", near: \""
                            + text.substring(Math.max(0, start - 1), Math.min(text.length(), i + 1)) + "\"");
                }
                out.add(token);
            } else if (c == '.' || c == '[') {
                throw DynamoDbError.validation("Invalid " + kind
                        + ": nested document paths are not supported by the Tollgate DynamoDB emulator");
            } else {
                String near = out.isEmpty() ? String.valueOf(c) : out.get(out.size() - 1) + " " + c;
                throw DynamoDbError.validation(
                        "Invalid " + kind + ": Syntax error; token: \"" + c + "\", near: \"" + near + "\"");
            }
        }
        return out;
    }

    /** Placeholders that the expressions of one request must all use, per DynamoDB's rule. */
    static final class Usage {
        final Set<String> names = new HashSet<>();
        final Set<String> values = new HashSet<>();
    }
}
