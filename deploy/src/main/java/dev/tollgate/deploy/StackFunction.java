package dev.tollgate.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One of the stack's Lambda functions as the deployer installs it: the shared definition
 * ({@link dev.tollgate.stack.StackFunctions}) plus its IAM permissions.
 *
 * @param logicalName   short name; the deployed name is {@code <prefix>-<logicalName>}
 * @param jar           the shaded jar, relative to the repository root
 * @param handler       the handler string Lambda calls
 * @param memoryMb      memory size
 * @param timeoutSeconds timeout
 * @param managedPolicies AWS managed policy ARNs for the function's role
 * @param inlinePolicy  the function's own permissions (IAM policy JSON), or empty
 * @param environment   environment variables
 */
record StackFunction(
        String logicalName,
        Path jar,
        String handler,
        int memoryMb,
        int timeoutSeconds,
        List<String> managedPolicies,
        String inlinePolicy,
        Map<String, String> environment) {

    static final String BASIC_EXECUTION = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";
}
