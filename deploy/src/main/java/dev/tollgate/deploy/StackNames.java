package dev.tollgate.deploy;

/**
 * The name of every resource the deployer owns, derived from one prefix. Deriving them (instead of
 * remembering ids in a state file) is what makes re-runs and {@code destroy} find what an earlier,
 * possibly interrupted, run made.
 */
record StackNames(String prefix, String accountId, String region) {

    String function(String logical) {
        return prefix + "-" + logical;
    }

    String functionRole(String logical) {
        return prefix + "-" + logical + "-role";
    }

    String appSyncDataSourceRole() {
        return prefix + "-appsync-datasource-role";
    }

    String notesTable() {
        return prefix + "-notes";
    }

    String graphqlApi() {
        return prefix + "-graphql";
    }

    String restApi() {
        return prefix + "-api";
    }

    /** S3 bucket names are global: account and region make ours unique. */
    String websiteBucket() {
        return prefix + "-web-" + accountId + "-" + region;
    }

    String functionArn(String logical) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + function(logical);
    }

    String permissionStatement(String logical) {
        return prefix + "-apigateway-invokes-" + logical;
    }
}
