package dev.tollgate.deploy;

import java.util.List;

/**
 * What one of the stack's functions may do on AWS; the function itself is
 * {@link dev.tollgate.stack.StackFunctions.Function}, the definition the local cloud runs too.
 *
 * @param managedPolicies AWS managed policy ARNs for the function's role
 * @param inlinePolicy    the function's own permissions (IAM policy JSON), or empty
 */
record FunctionPermissions(List<String> managedPolicies, String inlinePolicy) {

    static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

    FunctionPermissions {
        managedPolicies = List.copyOf(managedPolicies);
    }
}
