package dev.tollgate.localstack.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Evaluates an authorizer's IAM policy against the request's {@code methodArn} (docs/aws.md#policy-evaluation):
 * {@code *} matches any run of characters including {@code /}, {@code ?} one character, resources
 * are case-sensitive, actions are not, and an explicit Deny beats any Allow.
 */
final class PolicyEvaluator {

    enum Decision {
        ALLOW,
        EXPLICIT_DENY,
        IMPLICIT_DENY
    }

    /** The policy cannot be understood: API Gateway answers AUTHORIZER_CONFIGURATION_ERROR. */
    static final class InvalidPolicy extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidPolicy(String message) {
            super(message, null, false, false);
        }
    }

    private PolicyEvaluator() {}

    static Decision evaluate(JsonNode policyDocument, String methodArn) throws InvalidPolicy {
        if (policyDocument == null || !policyDocument.isObject()) {
            throw new InvalidPolicy("policyDocument is not an object");
        }
        JsonNode statements = policyDocument.get("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements != null && statements.isArray()) {
            statements.forEach(list::add);
        } else if (statements != null && statements.isObject()) {
            list.add(statements);
        } else {
            throw new InvalidPolicy("policyDocument.Statement is missing or not a list");
        }
        boolean allowed = false;
        for (JsonNode statement : list) {
            if (!statement.isObject()) {
                throw new InvalidPolicy("a statement is not an object");
            }
            String effect = text(statement.get("Effect"), "Effect");
            if (!effect.equals("Allow") && !effect.equals("Deny")) {
                throw new InvalidPolicy("Effect must be Allow or Deny");
            }
            List<String> actions = strings(statement.get("Action"), "Action");
            List<String> resources = strings(statement.get("Resource"), "Resource");
            boolean matches = actions.stream()
                            .anyMatch(a -> glob(a.toLowerCase(Locale.ROOT), false)
                                    .matcher("execute-api:invoke")
                                    .matches())
                    && resources.stream()
                            .anyMatch(r -> glob(r, true).matcher(methodArn).matches());
            if (matches && effect.equals("Deny")) {
                return Decision.EXPLICIT_DENY;
            }
            allowed |= matches;
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** {@code Condition} is accepted when null or empty (Java's IamPolicyResponseV1 emits null); other values are ignored. */
    static boolean hasNonEmptyCondition(JsonNode policyDocument) {
        JsonNode statements = policyDocument.path("Statement");
        for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
            JsonNode condition = s.get("Condition");
            if (condition != null && !condition.isNull() && !(condition.isObject() && condition.isEmpty())) {
                return true;
            }
        }
        return false;
    }

    private static String text(JsonNode node, String field) throws InvalidPolicy {
        if (node == null || !node.isTextual()) {
            throw new InvalidPolicy(field + " must be a string");
        }
        return node.asText();
    }

    private static List<String> strings(JsonNode node, String field) throws InvalidPolicy {
        List<String> values = new ArrayList<>();
        if (node != null && node.isTextual()) {
            values.add(node.asText());
        } else if (node != null && node.isArray() && !node.isEmpty()) {
            for (JsonNode item : node) {
                values.add(text(item, field));
            }
        } else {
            throw new InvalidPolicy(field + " must be a string or a non-empty list of strings");
        }
        return values;
    }

    private static Pattern glob(String glob, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder(glob.length() + 16);
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(
                regex.toString(), caseSensitive ? Pattern.DOTALL : Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    }
}
