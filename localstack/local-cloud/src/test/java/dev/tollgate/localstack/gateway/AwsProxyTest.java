package dev.tollgate.localstack.gateway;

import static dev.tollgate.localstack.gateway.FakeLambdas.AUTH_API;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.localstack.gateway.LambdaInvoker.Invocation;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** docs/aws.md#gateway-responses, #set-cookie, #aws-proxy: the proxy response of the auth API, multi-value Set-Cookie, 502s. */
class AwsProxyTest extends GatewayTestSupport {

    /** The two cookies of the supertokens-node golden capture's sign-up answer (values shortened). */
    static final String ACCESS = "sAccessToken=eyJraWQiOi.eyJpYXQiOjE3.t2UFjad; Path=/; "
            + "Expires=Fri, 26 Nov 2027 16:31:24 GMT; HttpOnly; SameSite=Lax";

    static final String REFRESH = "sRefreshToken=xMrTM1rmhnd%2FeItE3B0.ae8541bc.V2; Path=/dev/auth/session/refresh; "
            + "Expires=Sat, 06 Mar 2027 16:31:24 GMT; HttpOnly; SameSite=Lax";

    @Test
    void multiValueSetCookiesLeaveAsSeparateHeaderLines() {
        lambdas.returns(
                AUTH_API,
                "{\"statusCode\":200,\"multiValueHeaders\":{\"Set-Cookie\":[\"" + ACCESS + "\",\""
                        + REFRESH + "\"]},\"headers\":{\"front-token\":\"eyJ1aWQiOiJi\","
                        + "\"Access-Control-Expose-Headers\":\"front-token\",\"Content-Type\":\"application/json\"},"
                        + "\"body\":\"{\\\"status\\\":\\\"OK\\\"}\"}");

        HttpResponse<String> response = send("POST", "/auth/signup", "{}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly(ACCESS, REFRESH);
        assertThat(response.headers().allValues("front-token")).containsExactly("eyJ1aWQiOiJi");
        assertThat(response.headers().allValues("Access-Control-Expose-Headers"))
                .containsExactly("front-token");
        assertThat(response.headers().allValues("Content-Type")).containsExactly("application/json");
        assertThat(response.body()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void theMultiValueListWinsOverASingleValueOfTheSameName() {
        lambdas.returns(
                AUTH_API,
                "{\"statusCode\":401,\"headers\":{\"set-cookie\":\"single=1\",\"X-A\":\"1\"},"
                        + "\"multiValueHeaders\":{\"Set-Cookie\":[\"a=1\",\"b=2\"]},\"body\":\"{\\\"message\\\":\\\"unauthorised\\\"}\"}");

        HttpResponse<String> response = send("POST", "/auth/session/refresh", null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().allValues("Set-Cookie")).containsExactly("a=1", "b=2");
        assertThat(response.headers().allValues("X-A")).containsExactly("1");
        assertThat(response.headers().allValues("Content-Type")).containsExactly("application/json");
        assertThat(response.body()).isEqualTo("{\"message\":\"unauthorised\"}");
    }

    @Test
    void base64BodiesAreDecodedAndReservedHeadersRemapped() {
        lambdas.returns(
                AUTH_API,
                "{\"statusCode\":\"200\",\"isBase64Encoded\":true,\"body\":\"aGVsbG8=\","
                        + "\"headers\":{\"Content-Type\":\"text/plain\",\"Content-Length\":\"999\",\"Server\":\"lambda\"}}");

        HttpResponse<String> response = send("GET", "/auth/x", null);

        assertThat(response.body()).isEqualTo("hello");
        assertThat(response.headers().allValues("Content-Type")).containsExactly("text/plain");
        assertThat(response.headers().allValues("x-amzn-Remapped-Content-Length"))
                .containsExactly("999");
        assertThat(response.headers().allValues("x-amzn-Remapped-Server")).containsExactly("lambda");
        assertThat(response.headers().allValues("Content-Length")).containsExactly("5");
    }

    @Test
    void aFunctionErrorIs502WithTheDefault5xxCorsHeaders() {
        lambdas.define(AUTH_API, e -> new Invocation.FunctionError("boom", "java.lang.IllegalStateException"));

        HttpResponse<String> response = send("POST", "/auth/signin", "{}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response.body())).isEqualTo(json("{\"message\":\"Internal server error\"}"));
        assertThat(response.headers().allValues("Access-Control-Allow-Origin")).containsExactly(ORIGIN);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue("InternalServerErrorException");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "[]",
                "{}",
                "{\"statusCode\":\"abc\"}",
                "{\"statusCode\":700}",
                "{\"statusCode\":200,\"body\":{\"a\":1}}",
                "{\"statusCode\":200,\"headers\":[]}",
                "{\"statusCode\":200,\"multiValueHeaders\":{\"a\":\"b\"}}",
                "{\"statusCode\":200,\"headers\":{\"a\":{}}}",
                "{\"statusCode\":200,\"isBase64Encoded\":true,\"body\":\"***\"}",
                "{\"statusCode\":200,\"headers\":{\"Bad Name\":\"x\"}}",
                "{\"statusCode\":200,\"headers\":{\"X\":\"a\\r\\nInjected: 1\"}}",
                "{\"statusCode\":200,\"multiValueHeaders\":{\"Set-Cookie\":[\"a=1\\nInjected: 1\"]}}"
            })
    void malformedProxyOutputIs502(String output) {
        lambdas.returns(AUTH_API, output);

        HttpResponse<String> response = send("POST", "/auth/signin", "{}");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(json(response.body()).get("message").asText()).isEqualTo("Internal server error");
    }
}
