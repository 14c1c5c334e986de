package dev.tollgate.localstack.gateway;

/**
 * The deployed stage the gateway serves, with the identifiers that appear in events and ARNs.
 *
 * @param name         stage name, the first path segment ({@code dev})
 * @param apiId        the REST API id (10 lower-case letters and digits, like API Gateway's)
 * @param deploymentId id of the deployment, constant for the gateway's lifetime
 */
record Stage(String name, String region, String accountId, String apiId, String deploymentId) {

    /** {@code arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path without leading slash}}. */
    String methodArn(String verb, String path) {
        return "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + name + "/" + verb + "/"
                + path.substring(1);
    }
}
