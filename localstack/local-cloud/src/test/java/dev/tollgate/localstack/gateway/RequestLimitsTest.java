package dev.tollgate.localstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * API Gateway's REST request limits (docs/aws.md#limits), answered as API Gateway answers them, never by a
 * reset connection: the request line and headers together over 10,240 bytes, and a body over 10 MB, get
 * 413 {@code {"message":"Request Too Long"}} with {@code x-amzn-ErrorType: RequestTooLargeException}.
 */
class RequestLimitsTest extends GatewayTestSupport {

    private HttpResponse<String> postWithHeader(int headerBytes, String path, int bodyBytes) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .header("Origin", ORIGIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(bodyBytes)));
        if (headerBytes > 0) {
            request.header("x-filler", "a".repeat(headerBytes));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @ValueSource(ints = {20 * 1024, 200 * 1024, 1024 * 1024})
    void aHeaderBlockOverTheQuotaIsAnswered413(int headerBytes) throws Exception {
        HttpResponse<String> answer = postWithHeader(headerBytes, "/dev/graphql", 2);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("{\"message\":\"Request Too Long\"}");
        assertThat(answer.headers().firstValue("x-amzn-ErrorType")).contains("RequestTooLargeException");
        assertThat(lambdas.calls).isEmpty();
    }

    @Test
    void aHeaderBlockWithinTheQuotaPasses() throws Exception {
        HttpResponse<String> answer = postWithHeader(8 * 1024, "/dev/no-such-route", 2);
        assertThat(answer.statusCode()).isEqualTo(403); // routed: the gateway's answer for an unknown route
    }

    @Test
    void aLongUrlCountsTowardsTheQuota() throws Exception {
        HttpResponse<String> answer = postWithHeader(0, "/dev/graphql?q=" + "b".repeat(11 * 1024), 2);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("{\"message\":\"Request Too Long\"}");
    }

    @Test
    void aBodyOverTenMegabytesIsAnswered413() throws Exception {
        HttpResponse<String> answer = postWithHeader(0, "/dev/graphql", ApiGateway.MAX_BODY_BYTES + 1);
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).isEqualTo("{\"message\":\"Request Too Long\"}");
    }
}
