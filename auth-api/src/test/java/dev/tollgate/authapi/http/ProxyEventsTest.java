package dev.tollgate.authapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.tollgate.authapi.fixtures.ProxyBoundary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The stream reader and writer against {@code aws-lambda-java-events}' classes as Lambda's own
 * serializer reads and writes them: what the function reads from an event is what the typed event
 * holds, and what it writes is a valid typed proxy result.
 */
class ProxyEventsTest {

    private static ApiRequest read(APIGatewayProxyRequestEvent event) throws IOException {
        return read(ProxyBoundary.toJson(event));
    }

    private static ApiRequest read(String json) throws IOException {
        return ProxyEvents.toRequest(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static APIGatewayProxyResponseEvent written(ApiResponse response) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProxyEvents.writeResponse(response, out);
        return ProxyBoundary.response(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRealEventReadsAsItsTypedFormHoldsIt() throws IOException {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/events/signin-proxy-event.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        APIGatewayProxyRequestEvent typed = LambdaEventSerializers.serializerFor(
                        APIGatewayProxyRequestEvent.class, getClass().getClassLoader())
                .fromJson(json);

        ApiRequest request = read(json);

        assertThat(request.method()).isEqualTo(typed.getHttpMethod());
        assertThat(request.path()).isEqualTo(typed.getPath());
        assertThat(request.headers().get("cookie"))
                .isEqualTo(typed.getMultiValueHeaders().get("Cookie"))
                .containsExactly("sIRTFrontend=remove", "other=1");
        assertThat(request.header("st-auth-mode")).contains(typed.getHeaders().get("st-auth-mode"));
        assertThat(request.query()).isEqualTo(typed.getMultiValueQueryStringParameters());
        assertThat(request.body())
                .isEqualTo(new String(Base64.getDecoder().decode(typed.getBody()), StandardCharsets.UTF_8))
                .isEqualTo("{\"formFields\":[{\"id\":\"email\",\"value\":\"a@b.co\"}]}");
        // The same event re-written by Lambda's serializer reads the same.
        assertThat(read(typed)).isEqualTo(request);
    }

    @Test
    void multiValueHeadersWinAndSingleValuedOnesFillGaps() throws IOException {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("post")
                .withPath("/auth/signin")
                .withMultiValueHeaders(Map.of("Cookie", List.of("a=1", "b=2")))
                .withHeaders(Map.of("Cookie", "b=2", "RID", "emailpassword"))
                .withMultiValueQueryStringParameters(Map.of("email", List.of("a@b.co", "c@d.co")));
        ApiRequest request = read(event);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().get("cookie")).containsExactly("a=1", "b=2");
        assertThat(request.header("rid")).contains("emailpassword");
        assertThat(request.queryParameter("email")).contains("a@b.co");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void nullEntriesAreSkipped() throws IOException {
        ApiRequest request = read("{\"httpMethod\":\"GET\",\"path\":\"/auth/x\",\"headers\":{\"a\":null,\"b\":\"1\"},"
                + "\"multiValueHeaders\":{\"c\":null,\"d\":[null,\"2\"]},\"queryStringParameters\":null,"
                + "\"multiValueQueryStringParameters\":null,\"body\":null,\"isBase64Encoded\":null}");
        assertThat(request.headers()).isEqualTo(Map.of("b", List.of("1"), "d", List.of("2")));
        assertThat(request.query()).isEmpty();
        assertThat(request.body()).isEmpty();
    }

    @Test
    void decodesBase64Bodies() throws IOException {
        String json = "{\"formFields\":[]}";
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/auth/signup")
                .withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(read(event).body()).isEqualTo(json);
        event.setBody("%%%not base64");
        assertThatThrownBy(() -> read(event)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesEventsWithoutMethodOrPath() {
        assertThatThrownBy(() -> read(new APIGatewayProxyRequestEvent().withPath("/auth/signin")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a REST API proxy event: httpMethod and path are required");
        assertThatThrownBy(() -> read("null"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a REST API proxy event: httpMethod and path are required");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[1]",
                "\"text\"",
                "{\"httpMethod\":\"GET\",\"path\":",
                "{\"httpMethod\":7,\"path\":\"/auth/signin\"}",
                "{\"httpMethod\":\"GET\",\"path\":\"/auth/signin\",\"headers\":[\"a\"]}",
                "{\"httpMethod\":\"GET\",\"path\":\"/auth/signin\",\"headers\":{\"a\":{}}}",
                "{\"httpMethod\":\"GET\",\"path\":\"/auth/signin\",\"multiValueHeaders\":{\"a\":\"b\"}}",
                "{\"httpMethod\":\"GET\",\"path\":\"/auth/signin\",\"multiValueHeaders\":{\"a\":[1]}}",
                "{\"httpMethod\":\"GET\",\"path\":\"/auth/signin\",\"isBase64Encoded\":\"yes\"}"
            })
    void malformedInputIsAnIllegalArgument(String json) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a REST API proxy event");
    }

    @Test
    void everyCookieLeavesAsItsOwnSetCookieEntry() throws IOException {
        ApiResponse response = ApiResponse.json(200, "{\"status\":\"OK\"}")
                .header("front-token", "abc")
                .cookie("sAccessToken=x; Path=/; HttpOnly")
                .cookie("sRefreshToken=y; Path=/dev/auth/session/refresh; HttpOnly")
                .cookie("sAccessToken=z; Path=/; HttpOnly");
        APIGatewayProxyResponseEvent event = written(response);
        assertThat(event.getStatusCode()).isEqualTo(200);
        assertThat(event.getBody()).isEqualTo("{\"status\":\"OK\"}");
        assertThat(event.getIsBase64Encoded()).isFalse();
        assertThat(event.getHeaders())
                .containsEntry("front-token", "abc")
                .containsEntry("Content-Type", "application/json")
                .doesNotContainKey("Set-Cookie");
        assertThat(event.getMultiValueHeaders())
                .containsOnlyKeys("Set-Cookie")
                .extractingByKey("Set-Cookie")
                .isEqualTo(List.of(
                        "sRefreshToken=y; Path=/dev/auth/session/refresh; HttpOnly",
                        "sAccessToken=z; Path=/; HttpOnly"));
    }

    @Test
    void noCookiesMeansNoMultiValueHeaders() throws IOException {
        APIGatewayProxyResponseEvent event = written(ApiResponse.empty(204).header("Vary", "Origin"));
        assertThat(event.getMultiValueHeaders()).isNull();
        assertThat(event.getStatusCode()).isEqualTo(204);
        assertThat(event.getBody()).isEmpty();
        assertThat(event.getHeaders()).isEqualTo(Map.of("Vary", "Origin"));
    }
}
