package dev.tollgate.localstack.gateway;

import static dev.tollgate.localstack.gateway.FakeLambdas.AUTHORIZER;
import static dev.tollgate.localstack.gateway.FakeLambdas.AUTH_API;
import static dev.tollgate.localstack.gateway.FakeLambdas.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docs/aws.md#authorizer-event: the REST REQUEST authorizer event (as recorded from a real REST API) and the v1
 * AWS_PROXY event (docs/aws.md#aws-proxy); empty maps are {} in the former and null in the latter.
 */
class EventShapeTest extends GatewayTestSupport {

    static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void theAuthorizerEventHasTheFullRestShape() {
        lambdas.returns(AUTHORIZER, policy("u1", "Allow", "*", null));

        graphql("/graphql", "Cookie", "sAccessToken=a", "rid", "session", "User-Agent", "test-agent/1");

        JsonNode event = lambdas.eventsOf(AUTHORIZER).get(0);
        assertThat(event.get("type").asText()).isEqualTo("REQUEST");
        assertThat(event.get("methodArn").asText()).isEqualTo(arn("POST", "/graphql"));
        assertThat(gateway.apiId()).matches("[a-z0-9]{10}");
        assertThat(event.get("resource").asText()).isEqualTo("/graphql");
        assertThat(event.get("path").asText()).isEqualTo("/graphql");
        assertThat(event.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(event.get("headers").get("cookie").asText()).isEqualTo("sAccessToken=a");
        assertThat(event.get("multiValueHeaders").get("cookie")).isEqualTo(json("[\"sAccessToken=a\"]"));
        assertThat(event.get("headers").get("rid").asText()).isEqualTo("session");
        assertThat(event.get("headers").fieldNames())
                .toIterable()
                .as("names in lower case, as API Gateway passes them for HTTP/2 clients")
                .allSatisfy(name -> assertThat(name).isLowerCase());
        for (String emptyMap : new String[] {
            "queryStringParameters", "multiValueQueryStringParameters", "pathParameters", "stageVariables"
        }) {
            assertThat(event.get(emptyMap).isObject()).as(emptyMap).isTrue();
            assertThat(event.get(emptyMap).isEmpty()).as(emptyMap).isTrue();
        }
        assertThat(event.has("version")).isFalse();
        assertThat(event.has("identitySource")).isFalse();
        assertThat(event.has("authorizationToken")).isFalse();

        JsonNode context = event.get("requestContext");
        assertThat(context.get("path").asText()).isEqualTo("/dev/graphql");
        assertThat(context.get("resourcePath").asText()).isEqualTo("/graphql");
        assertThat(context.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(context.get("stage").asText()).isEqualTo("dev");
        assertThat(context.get("accountId").asText()).isEqualTo("000000000000");
        assertThat(context.get("apiId").asText()).isEqualTo(gateway.apiId());
        assertThat(context.get("protocol").asText()).isEqualTo("HTTP/1.1");
        assertThat(context.get("requestId").asText()).matches(UUID);
        assertThat(context.get("requestTime").asText())
                .matches("\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(context.get("requestTimeEpoch").isIntegralNumber()).isTrue();
        assertThat(context.get("domainName").asText()).isEqualTo("localhost");
        for (String key : new String[] {"resourceId", "extendedRequestId", "domainPrefix", "deploymentId"}) {
            assertThat(context.get(key).asText()).as(key).isNotBlank();
        }
        JsonNode identity = context.get("identity");
        assertThat(identity.get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(identity.get("userAgent").asText()).isEqualTo("test-agent/1");
        assertThat(identity.get("caller").isNull()).isTrue();
        assertThat(identity.get("cognitoIdentityId").isNull()).isTrue();
        assertThat(context.has("authorizer")).isFalse();
    }

    @Test
    void repeatedHeadersAndQueryParametersKeepEveryValue() {
        lambdas.returns(AUTHORIZER, policy("u1", "Allow", "*", null));

        graphql("/graphql?a=1&a=2&b=x%20y", "X-Multi", "a", "X-Multi", "b");

        JsonNode event = lambdas.eventsOf(AUTHORIZER).get(0);
        assertThat(event.get("queryStringParameters")).isEqualTo(json("{\"a\":\"2\",\"b\":\"x y\"}"));
        assertThat(event.get("multiValueQueryStringParameters"))
                .isEqualTo(json("{\"a\":[\"1\",\"2\"],\"b\":[\"x y\"]}"));
        assertThat(headerIgnoringCase(event.get("multiValueHeaders"), "x-multi"))
                .isEqualTo(json("[\"a\",\"b\"]"));
        assertThat(headerIgnoringCase(event.get("headers"), "x-multi").asText()).isEqualTo("b");
        assertThat(event.get("methodArn").asText()).isEqualTo(arn("POST", "/graphql"));
    }

    @Test
    void theProxyEventUsesNullForEmptyMapsAndCarriesTheBody() {
        lambdas.returns(AUTH_API, "{\"statusCode\":200}");

        send("POST", "/auth/signup", "{\"formFields\":[]}", "Content-Type", "application/json", "rid", "emailpassword");

        JsonNode event = lambdas.eventsOf(AUTH_API).get(0);
        assertThat(event.get("resource").asText()).isEqualTo("/auth/{proxy+}");
        assertThat(event.get("path").asText()).isEqualTo("/auth/signup");
        assertThat(event.get("httpMethod").asText()).isEqualTo("POST");
        assertThat(event.get("pathParameters")).isEqualTo(json("{\"proxy\":\"signup\"}"));
        assertThat(event.get("queryStringParameters").isNull()).isTrue();
        assertThat(event.get("multiValueQueryStringParameters").isNull()).isTrue();
        assertThat(event.get("stageVariables").isNull()).isTrue();
        assertThat(event.get("body").asText()).isEqualTo("{\"formFields\":[]}");
        assertThat(event.get("isBase64Encoded").asBoolean()).isFalse();
        assertThat(headerIgnoringCase(event.get("headers"), "rid").asText()).isEqualTo("emailpassword");
        assertThat(headerIgnoringCase(event.get("multiValueHeaders"), "rid")).isEqualTo(json("[\"emailpassword\"]"));
        assertThat(event.has("type")).isFalse();
        assertThat(event.has("methodArn")).isFalse();
        JsonNode context = event.get("requestContext");
        assertThat(context.get("path").asText()).isEqualTo("/dev/auth/signup");
        assertThat(context.get("resourcePath").asText()).isEqualTo("/auth/{proxy+}");
        assertThat(context.has("authorizer")).as("no CUSTOM authorizer ran").isFalse();
    }

    @Test
    void aGetWithoutBodyHasANullBody() {
        lambdas.returns(AUTH_API, "{\"statusCode\":200}");
        send("GET", "/auth/session/refresh?x=1", null);
        JsonNode event = lambdas.eventsOf(AUTH_API).get(0);
        assertThat(event.get("body").isNull()).isTrue();
        assertThat(event.get("queryStringParameters")).isEqualTo(json("{\"x\":\"1\"}"));
    }

    /** The JDK server normalises header-name casing, so tests look names up case-insensitively. */
    static JsonNode headerIgnoringCase(JsonNode headers, String name) {
        for (Map.Entry<String, JsonNode> e : headers.properties()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return MissingNode.getInstance();
    }
}
