package dev.tollgate.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigateway.CfnDeployment;
import software.amazon.awscdk.services.apigateway.CfnGatewayResponse;
import software.amazon.awscdk.services.apigateway.CfnRestApi;
import software.amazon.awscdk.services.apigateway.CfnStage;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Permission;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/**
 * The REST API: created empty first (its id is part of the functions' environment on LocalStack), then
 * given {@code openapi.yaml} as its body, the gateway responses as explicit resources, and a stage with
 * throttling and JSON access logs.
 */
final class StackApi extends Construct {

    static final double RATE_LIMIT = 50;
    static final int BURST_LIMIT = 100;
    /** No cookie, token or header value: the authorizer's and integration's errors are messages only. */
    static final String ACCESS_LOG_FORMAT =
            "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                    + "\"requestTime\":\"$context.requestTime\",\"httpMethod\":\"$context.httpMethod\","
                    + "\"resourcePath\":\"$context.resourcePath\",\"status\":\"$context.status\","
                    + "\"responseLength\":\"$context.responseLength\",\"authorizerError\":\"$context.authorizer.error\","
                    + "\"integrationError\":\"$context.integration.error\",\"responseLatency\":\"$context.responseLatency\"}";

    private final CfnRestApi restApi;

    StackApi(Construct scope, String id, String name) {
        super(scope, id);
        restApi = CfnRestApi.Builder.create(this, "RestApi")
                .name(name)
                .failOnWarnings(true)
                .endpointConfiguration(CfnRestApi.EndpointConfigurationProperty.builder()
                        .types(List.of("REGIONAL"))
                        .build())
                .build();
    }

    String restApiId() {
        return restApi.getRef();
    }

    /** The host CloudFront forwards API calls to. */
    String executeApiDomain() {
        return Fn.join("", List.of(restApi.getRef(), ".execute-api.", Aws.REGION, ".", Aws.URL_SUFFIX));
    }

    /**
     * Sets the body, puts every gateway response the body declares as its own resource (an import alone
     * leaves them out of some deployments), and deploys the stage.
     *
     * @param invoked the functions API Gateway calls: the deployment waits for them
     */
    void define(Map<String, Object> body, String stageName, List<StackFunction> invoked) {
        restApi.setBody(body);
        String hash = hash(Stack.of(this).resolve(body));
        CfnDeployment deployment = CfnDeployment.Builder.create(this, "Deployment" + hash)
                .restApiId(restApi.getRef())
                .description("openapi.yaml " + hash)
                .build();
        Object responses = body.get("x-amazon-apigateway-gateway-responses");
        if (responses instanceof Map<?, ?> map) {
            map.forEach((type, definition) ->
                    deployment.addDependency(gatewayResponse((String) type, (Map<?, ?>) definition)));
        }
        for (StackFunction f : invoked) {
            deployment.getNode().addDependency(f.function());
            f.alias().ifPresent(a -> deployment.getNode().addDependency(a));
        }
        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(StackFunction.LOG_RETENTION)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        CfnStage.Builder.create(this, "Stage")
                .restApiId(restApi.getRef())
                .stageName(stageName)
                .deploymentId(deployment.getRef())
                .methodSettings(List.of(CfnStage.MethodSettingProperty.builder()
                        .httpMethod("*")
                        .resourcePath("/*")
                        .throttlingRateLimit(RATE_LIMIT)
                        .throttlingBurstLimit(BURST_LIMIT)
                        .build()))
                .accessLogSetting(CfnStage.AccessLogSettingProperty.builder()
                        .destinationArn(accessLogs.getLogGroupArn())
                        .format(ACCESS_LOG_FORMAT)
                        .build())
                .build();
    }

    /** Lets API Gateway invoke {@code f} (its alias when it has one) for calls matching {@code path}. */
    void allowInvoke(StackFunction f, String path) {
        IFunction target = f.alias().<IFunction>map(a -> a).orElse(f.function());
        target.addPermission(
                "ApiGatewayInvokes",
                Permission.builder()
                        .principal(new ServicePrincipal("apigateway.amazonaws.com"))
                        .action("lambda:InvokeFunction")
                        .sourceArn(Fn.join(
                                "",
                                List.of(
                                        "arn:",
                                        Aws.PARTITION,
                                        ":execute-api:",
                                        Aws.REGION,
                                        ":",
                                        Aws.ACCOUNT_ID,
                                        ":",
                                        restApi.getRef(),
                                        path)))
                        .build());
    }

    private CfnGatewayResponse gatewayResponse(String type, Map<?, ?> definition) {
        CfnGatewayResponse.Builder builder = CfnGatewayResponse.Builder.create(this, "Response" + type)
                .restApiId(restApi.getRef())
                .responseType(type);
        if (definition.get("statusCode") instanceof String status) {
            builder.statusCode(status);
        }
        if (definition.get("responseParameters") instanceof Map<?, ?> parameters) {
            builder.responseParameters(strings(parameters));
        }
        if (definition.get("responseTemplates") instanceof Map<?, ?> templates) {
            builder.responseTemplates(strings(templates));
        }
        return builder.build();
    }

    private static Map<String, String> strings(Map<?, ?> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private static String hash(Object resolved) {
        try {
            byte[] json = new ObjectMapper().writeValueAsBytes(resolved);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            return HexFormat.of().formatHex(digest, 0, 6).toUpperCase(Locale.ROOT);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot hash the API body", e);
        }
    }
}
