package dev.tollgate.authapi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProxyEventsTest {

    @Test
    void multiValueHeadersWinAndSingleValuedOnesFillGaps() {
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("post")
                .withPath("/auth/signin")
                .withMultiValueHeaders(Map.of("Cookie", List.of("a=1", "b=2")))
                .withHeaders(Map.of("Cookie", "b=2", "RID", "emailpassword"))
                .withMultiValueQueryStringParameters(Map.of("email", List.of("a@b.co", "c@d.co")));
        ApiRequest request = ProxyEvents.toRequest(event);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.headers().get("cookie")).containsExactly("a=1", "b=2");
        assertThat(request.header("rid")).contains("emailpassword");
        assertThat(request.queryParameter("email")).contains("a@b.co");
        assertThat(request.body()).isEmpty();
    }

    @Test
    void decodesBase64Bodies() {
        String json = "{\"formFields\":[]}";
        APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
                .withHttpMethod("POST")
                .withPath("/auth/signup")
                .withIsBase64Encoded(true)
                .withBody(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(ProxyEvents.toRequest(event).body()).isEqualTo(json);
        event.setBody("%%%not base64");
        assertThatThrownBy(() -> ProxyEvents.toRequest(event)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesEventsWithoutMethodOrPath() {
        assertThatThrownBy(() -> ProxyEvents.toRequest(new APIGatewayProxyRequestEvent().withPath("/auth/signin")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxyEvents.toRequest(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyCookieLeavesAsItsOwnSetCookieEntry() {
        ApiResponse response = ApiResponse.json(200, "{}")
                .header("front-token", "abc")
                .cookie("sAccessToken=x; Path=/; HttpOnly")
                .cookie("sRefreshToken=y; Path=/dev/auth/session/refresh; HttpOnly")
                .cookie("sAccessToken=z; Path=/; HttpOnly");
        APIGatewayProxyResponseEvent event = ProxyEvents.toResponseEvent(response);
        assertThat(event.getStatusCode()).isEqualTo(200);
        assertThat(event.getHeaders())
                .containsEntry("front-token", "abc")
                .containsEntry("Content-Type", "application/json")
                .doesNotContainKey("Set-Cookie");
        assertThat(event.getMultiValueHeaders().get("Set-Cookie"))
                .containsExactly(
                        "sRefreshToken=y; Path=/dev/auth/session/refresh; HttpOnly",
                        "sAccessToken=z; Path=/; HttpOnly");
    }

    @Test
    void noCookiesMeansNoMultiValueHeaders() {
        assertThat(ProxyEvents.toResponseEvent(ApiResponse.json(404, "{}")).getMultiValueHeaders())
                .isNull();
    }
}
