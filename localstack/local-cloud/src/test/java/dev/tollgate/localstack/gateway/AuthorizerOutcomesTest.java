package dev.tollgate.localstack.gateway;

import static dev.tollgate.localstack.gateway.FakeLambdas.AUTHORIZER;
import static dev.tollgate.localstack.gateway.FakeLambdas.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/aws.md#authorizer-outcomes, row by row, through the real openapi.yaml and its gateway responses. */
class AuthorizerOutcomesTest extends GatewayTestSupport {

    private void assertCors(HttpResponse<String> response) {
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
        assertThat(response.headers().allValues("Access-Control-Allow-Credentials"))
                .containsExactly("true");
    }

    private void assertRequestId(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("x-amzn-RequestId"))
                .get()
                .asString()
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void thrownUnauthorizedIs401WithCorsAndNoAuthorizerContext() {
        lambdas.define(AUTHORIZER, e -> new Invocation.FunctionError("Unauthorized", "java.lang.RuntimeException"));

        HttpResponse<String> response = graphql("/graphql", "Cookie", "sAccessToken=expired", "Origin", ORIGIN);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response.body())).isEqualTo(json("{\"message\":\"Unauthorized\"}"));
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("UnauthorizedException");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertCors(response);
        assertRequestId(response);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(appsync.received).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unauthorized", "Unauthorized ", "Unauthorized.", "try refresh"})
    void anyOtherFunctionErrorIs500ConfigurationError(String message) {
        lambdas.define(AUTHORIZER, e -> new Invocation.FunctionError(message, "java.lang.RuntimeException"));

        HttpResponse<String> response = graphql("/graphql");

        assertThat(response.statusCode()).isEqualTo(500);
        JsonNode body = json(response.body());
        assertThat(body.has("message")).isTrue();
        assertThat(body.get("message").isNull()).isTrue();
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerConfigurationException");
        assertCors(response);
        assertThat(appsync.received).isEmpty();
    }

    @Test
    void aFailedInvocationIs500ConfigurationError() {
        lambdas.define(AUTHORIZER, e -> new Invocation.Failed("timed out after 3 s"));
        HttpResponse<String> response = graphql("/graphql");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerConfigurationException");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "null",
                "{\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[]}}",
                "{\"principalId\":null,\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[]}}",
                "{\"principalId\":\"u1\"}",
                "{\"principalId\":\"u1\",\"policyDocument\":{\"Version\":\"2012-10-17\"}}",
                "{\"principalId\":\"u1\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Maybe\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]}}",
                "{\"principalId\":\"u1\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]},\"context\":{\"body\":{\"nested\":1}}}",
                "{\"principalId\":\"u1\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]},\"context\":{\"list\":[1]}}",
                "{\"principalId\":\"u1\",\"policyDocument\":{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\",\"Resource\":\"*\"}]},\"context\":\"x\"}"
            })
    void unusableOutputIs500ConfigurationError(String output) {
        lambdas.returns(AUTHORIZER, output);

        HttpResponse<String> response = graphql("/graphql");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response.body()).get("message").isNull()).isTrue();
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AuthorizerConfigurationException");
        assertCors(response);
        assertThat(appsync.received).isEmpty();
    }

    @Test
    void explicitDenyIs403WithTheContextBodyRawAndItsCookie() {
        String body = "{\"message\":\"invalid claim\",\"claimValidationErrors\":[{\"id\":\"st-ev\","
                + "\"reason\":{\"message\":\"wrong value\",\"expectedValue\":true,\"actualValue\":false}}]}";
        String context = "{\"body\":" + FakeLambdas.JSON.valueToTree(body) + ",\"setCookie\":"
                + "\"sAccessToken=new; Path=/; Expires=Fri, 26 Nov 2027 16:31:24 GMT; HttpOnly; SameSite=Lax\"}";
        lambdas.define(
                AUTHORIZER,
                e -> new Invocation.Success(
                        policy("user-1", "Deny", e.get("methodArn").asText(), context)));

        HttpResponse<String> response = graphql("/verified/graphql", "Origin", ORIGIN);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo(body);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        assertThat(response.headers().allValues("Set-Cookie"))
                .containsExactly(
                        "sAccessToken=new; Path=/; Expires=Fri, 26 Nov 2027 16:31:24 GMT; HttpOnly; SameSite=Lax");
        assertCors(response);
        assertRequestId(response);
        assertThat(appsync.received).isEmpty();
    }

    @Test
    void explicitDenyWinsOverAnAllowThatAlsoMatches() {
        lambdas.returns(
                AUTHORIZER,
                "{\"principalId\":\"u1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"*\"},"
                        + "{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Deny\",\"Resource\":\"arn:aws:execute-api:*:*:*/dev/POST/*\"}]},"
                        + "\"context\":{\"body\":\"{}\"}}");

        HttpResponse<String> response = graphql("/graphql");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(appsync.received).isEmpty();
    }

    @Test
    void noMatchingAllowIsAnImplicitDeny403() {
        lambdas.returns(AUTHORIZER, policy("u1", "Allow", arn("GET", "/graphql"), "{\"body\":\"{\\\"x\\\":1}\"}"));

        HttpResponse<String> response = graphql("/graphql");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("{\"x\":1}");
        assertCors(response);
    }

    @Test
    void denyWithoutBodyRendersTheMissingVariableAsEmpty() {
        lambdas.define(AUTHORIZER, e -> new Invocation.Success(policy("u1", "Deny", "*", null)));
        HttpResponse<String> response = graphql("/graphql");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
    }

    /** An Allow matches when its resource, wildcards and all, matches the method ARN; otherwise 403. */
    @ParameterizedTest
    @CsvSource({
        "arn:aws:execute-api:us-east-1:000000000000:*/dev/POST/graphql, 200",
        "arn:aws:execute-api:us-east-1:000000000000:*, 200",
        "arn:aws:execute-api:*:*:*/*/*/*, 200",
        "arn:aws:execute-api:us-east-1:000000000000:??????????/dev/POST/graphql, 200",
        "*, 200",
        "arn:aws:execute-api:us-east-1:000000000000:*/dev/post/graphql, 403",
        "arn:aws:execute-api:us-east-1:000000000000:*/prod/*, 403",
        "arn:aws:execute-api:us-east-1:000000000000:?????????/dev/POST/graphql, 403",
        "arn:aws:execute-api:us-east-1:000000000000:*/dev/POST/graphq, 403"
    })
    void allowResourcesMatchTheMethodArnWithWildcards(String resource, int status) {
        lambdas.returns(AUTHORIZER, policy("u1", "Allow", resource, null));
        assertThat(graphql("/graphql").statusCode()).isEqualTo(status);
    }

    @Test
    void actionWildcardsAndResourceListsAndNullConditionAreAccepted() {
        lambdas.returns(
                AUTHORIZER,
                "{\"principalId\":\"u1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Action\":[\"execute-api:*\"],\"Effect\":\"Allow\",\"Condition\":null,"
                        + "\"Resource\":[\"arn:aws:execute-api:*:*:*/dev/GET/x\",\"" + arn("POST", "/graphql")
                        + "\"]}]}}");
        assertThat(graphql("/graphql").statusCode()).isEqualTo(200);
    }

    @Test
    void anActionOtherThanInvokeDoesNotAllow() {
        lambdas.returns(
                AUTHORIZER,
                "{\"principalId\":\"u1\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                        + "\"Statement\":[{\"Action\":\"execute-api:ManageConnections\",\"Effect\":\"Allow\",\"Resource\":\"*\"}]}}");
        assertThat(graphql("/graphql").statusCode()).isEqualTo(403);
    }

    @Test
    void theAuthorizerRunsOnEveryRequestWithTtlZero() {
        lambdas.returns(AUTHORIZER, policy("u1", "Allow", "*", null));
        graphql("/graphql");
        graphql("/graphql");
        assertThat(lambdas.eventsOf(AUTHORIZER)).hasSize(2);
    }
}
