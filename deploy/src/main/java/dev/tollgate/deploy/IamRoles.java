package dev.tollgate.deploy;

import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;

/** Execution roles: one per function (least privilege) and one for AppSync's Lambda data source. */
final class IamRoles {

    private final IamClient iam;

    IamRoles(IamClient iam) {
        this.iam = iam;
    }

    static String trustPolicy(String servicePrincipal) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\""
                + servicePrincipal + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    }

    /** Creates the role if missing and (re)applies its policies, which IAM treats as idempotent puts. */
    Progress.Done<String> ensure(
            String roleName, String servicePrincipal, List<String> managedPolicies, String inlinePolicy) {
        Progress.Outcome outcome;
        Role role;
        try {
            role = iam.getRole(r -> r.roleName(roleName)).role();
            iam.updateAssumeRolePolicy(r -> r.roleName(roleName).policyDocument(trustPolicy(servicePrincipal)));
            outcome = Progress.Outcome.UPDATED;
        } catch (NoSuchEntityException missing) {
            role = iam.createRole(r -> r.roleName(roleName)
                            .assumeRolePolicyDocument(trustPolicy(servicePrincipal))
                            .description("Tollgate: made by the deployer"))
                    .role();
            outcome = Progress.Outcome.CREATED;
        }
        for (String policy : managedPolicies) {
            iam.attachRolePolicy(r -> r.roleName(roleName).policyArn(policy));
        }
        if (!inlinePolicy.isEmpty()) {
            iam.putRolePolicy(r ->
                    r.roleName(roleName).policyName(inlinePolicyName(roleName)).policyDocument(inlinePolicy));
        }
        return new Progress.Done<>(outcome, role.arn());
    }

    Progress.Done<Void> remove(String roleName, List<String> managedPolicies) {
        try {
            iam.getRole(r -> r.roleName(roleName));
        } catch (NoSuchEntityException missing) {
            return Progress.Done.of(Progress.Outcome.ABSENT);
        }
        for (String policy : managedPolicies) {
            ignoreMissing(() -> iam.detachRolePolicy(r -> r.roleName(roleName).policyArn(policy)));
        }
        ignoreMissing(() -> iam.deleteRolePolicy(r -> r.roleName(roleName).policyName(inlinePolicyName(roleName))));
        iam.deleteRole(r -> r.roleName(roleName));
        return Progress.Done.of(Progress.Outcome.REMOVED);
    }

    private static String inlinePolicyName(String roleName) {
        return roleName + "-permissions";
    }

    private static void ignoreMissing(Runnable call) {
        try {
            call.run();
        } catch (NoSuchEntityException ignored) {
            // already gone: destroy is idempotent
        }
    }
}
