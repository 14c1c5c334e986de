package dev.tollgate.appsync.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.config.ConfigException;
import dev.tollgate.config.EnvReader;
import dev.tollgate.testkit.CannedCore;
import dev.tollgate.testkit.CannedCore.Answer;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/** The wire rules of {@link DynamoDbApi}: retries, checks of the answer, and what is signed. */
class DynamoDbApiTest {

    private static final AwsCredentials KEYS = AwsCredentials.of("AKIDTEST", "test-secret", Optional.empty());
    private static final String ERROR_PREFIX = "com.amazonaws.dynamodb.v20120810#";

    private final CannedCore dynamo = newServer();

    @AfterEach
    void stop() {
        dynamo.close();
    }

    private static CannedCore newServer() {
        try {
            return new CannedCore();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private DynamoDbApi api(AwsCredentials credentials) {
        return new DynamoDbApi(dynamo.uri(), "us-east-1", credentials, attempt -> 0);
    }

    private DynamoDbAnswer scan() {
        return api(KEYS).call("Scan", json -> json.writeStringField("TableName", "notes"));
    }

    private static Answer error(int status, String type) {
        return new Answer(status, "{\"__type\":\"" + ERROR_PREFIX + type + "\",\"message\":\"said by DynamoDB\"}", 0);
    }

    @Test
    void sendsTheOperationAsJsonProtocol() {
        dynamo.on("POST", "/", 200, "{\"Count\":4,\"ScannedCount\":4}");
        assertThat(scan().count()).isEqualTo(4);
        CannedCore.Received sent = dynamo.last();
        assertThat(sent.header("x-amz-target")).isEqualTo("DynamoDB_20120810.Scan");
        assertThat(sent.header("content-type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(sent.body()).isEqualTo("{\"TableName\":\"notes\"}");
    }

    @Test
    void retriesA5xxAndThenSucceeds() {
        dynamo.on("POST", "/", error(500, "InternalServerError"), new Answer(200, "{\"Count\":1}", 0));
        assertThat(scan().count()).isEqualTo(1);
        assertThat(dynamo.received()).hasSize(2);
    }

    @Test
    void retriesThrottlingAtMostThreeTimes() {
        dynamo.on("POST", "/", error(400, "ProvisionedThroughputExceededException"));
        assertThatThrownBy(this::scan).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.errorType()).isEqualTo("ProvisionedThroughputExceededException");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.retryable()).isTrue();
        });
        assertThat(dynamo.received()).hasSize(DynamoDbApi.MAX_ATTEMPTS);
    }

    @Test
    void aClientErrorIsTypedAndNotRetried() {
        dynamo.on("POST", "/", error(400, "ConditionalCheckFailedException"));
        assertThatThrownBy(this::scan).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.isConditionalCheckFailed()).isTrue();
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).isEqualTo("ConditionalCheckFailedException (HTTP 400): said by DynamoDB");
        });
        assertThat(dynamo.received()).hasSize(1);
    }

    @Test
    void anErrorThatIsNotJsonStillFailsByItsStatus() {
        dynamo.on("POST", "/", 403, "<html>Forbidden</html>");
        assertThatThrownBy(this::scan).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.errorType()).isEqualTo("Unknown");
            assertThat(e.status()).isEqualTo(403);
        });
        assertThat(dynamo.received()).hasSize(1);
    }

    @Test
    void checksTheAnswersCrc32AndRetriesAMismatch() {
        String body = "{\"Count\":2}";
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        dynamo.on(
                "POST",
                "/",
                new Answer(200, body, 0, Map.of("x-amz-crc32", "12345")),
                new Answer(200, body, 0, Map.of("x-amz-crc32", Long.toString(crc.getValue()))));
        assertThat(scan().count()).isEqualTo(2);
        assertThat(dynamo.received()).hasSize(2);

        dynamo.on("POST", "/", new Answer(200, body, 0, Map.of("x-amz-crc32", "12345")));
        assertThatThrownBy(this::scan)
                .isInstanceOfSatisfying(
                        DynamoDbException.class, e -> assertThat(e.errorType()).isEqualTo(DynamoDbException.TRANSPORT))
                .hasMessageContaining("x-amz-crc32");
    }

    @Test
    void refusesAnAnswerOverTheCapWithoutRetrying() {
        String huge = "{\"Items\":[],\"pad\":\"" + "x".repeat(DynamoDbApi.MAX_ANSWER_BYTES) + "\"}";
        for (int status : new int[] {200, 503}) {
            dynamo.received().clear();
            dynamo.on("POST", "/", status, huge);
            assertThatThrownBy(this::scan)
                    .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                        assertThat(e.status()).isEqualTo(status);
                        assertThat(e.retryable()).isFalse();
                    })
                    .hasMessageContaining("bytes");
            assertThat(dynamo.received()).hasSize(1);
        }
    }

    @Test
    void refusesAnAnswerThatIsNotDynamoDbsJson() {
        for (String body : List.of("<html>", "[]", "{\"Items\":{}}", "{\"Items\":[1]}", "{\"Count\":\"3\"}")) {
            dynamo.on("POST", "/", 200, body);
            assertThatThrownBy(this::scan)
                    .as(body)
                    .isInstanceOfSatisfying(
                            DynamoDbException.class,
                            e -> assertThat(e.retryable()).isFalse());
        }
    }

    @Test
    void readsStringAttributesAndPassesOverOthersExceptInAKey() {
        dynamo.on(
                "POST",
                "/",
                200,
                "{\"Items\":[{\"a\":{\"S\":\"x\"},\"n\":{\"N\":\"1\"},\"l\":{\"L\":[{\"S\":\"y\"}]}}],"
                        + "\"Count\":1,\"LastEvaluatedKey\":{\"a\":{\"S\":\"x\"}},\"ConsumedCapacity\":{\"x\":[1]}}");
        DynamoDbAnswer answer = scan();
        assertThat(answer.items()).containsExactly(Map.of("a", "x"));
        assertThat(answer.lastEvaluatedKey()).contains(Map.of("a", "x"));

        dynamo.on("POST", "/", 200, "{\"LastEvaluatedKey\":{\"a\":{\"N\":\"1\"}}}");
        assertThatThrownBy(this::scan).hasMessageContaining("key attribute of type N");
    }

    @Test
    void anUnreachableDynamoDbIsATransportFailureThatDoesNotQuoteTheEndpoint() throws IOException {
        URI refusing = CannedCore.refusingUri();
        DynamoDbApi api = new DynamoDbApi(refusing, "us-east-1", KEYS, attempt -> 0);
        assertThatThrownBy(() -> api.call("Scan", json -> {}))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> {
                    assertThat(e.errorType()).isEqualTo(DynamoDbException.TRANSPORT);
                    assertThat(e.retryable()).isTrue();
                })
                .hasMessageNotContaining(Integer.toString(refusing.getPort()));
    }

    @Test
    void refusesAnOperationNameThatIsNotOne() {
        assertThatThrownBy(() -> api(KEYS).call("Scan\r\nX-Evil: 1", json -> {}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dynamo.received()).isEmpty();
    }

    @Test
    void theSignatureCoversTheHeadersAsTheyArrive() {
        dynamo.on("POST", "/", 200, "{}");
        scan();
        assertSignatureMatches(dynamo.last(), "AKIDTEST", "test-secret", null);
    }

    @Test
    void aSessionTokenIsSentAndSigned() {
        dynamo.on("POST", "/", 200, "{}");
        api(AwsCredentials.of("ASIATEST", "temp-secret", Optional.of("the-session-token")))
                .call("Scan", json -> json.writeStringField("TableName", "notes"));
        CannedCore.Received sent = dynamo.last();
        assertThat(sent.header("x-amz-security-token")).isEqualTo("the-session-token");
        assertSignatureMatches(sent, "ASIATEST", "temp-secret", "the-session-token");
    }

    /**
     * Signs again, with the SDK's signer at the request's own time, a request made of the headers that
     * arrived under the names the Authorization header says were signed: the two must agree, so nothing
     * signed was dropped or changed on the way (HttpURLConnection sets some headers itself).
     */
    private void assertSignatureMatches(CannedCore.Received sent, String keyId, String secret, String token) {
        String authorization = sent.header("authorization");
        assertThat(authorization)
                .matches("AWS4-HMAC-SHA256 Credential=" + keyId
                        + "/\\d{8}/us-east-1/dynamodb/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}");
        String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
        assertThat(signedHeaders.split(";")).contains("host", "x-amz-date", "x-amz-target", "content-type");
        SdkHttpFullRequest.Builder again =
                SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(dynamo.uri());
        for (String name : signedHeaders.split(";")) {
            if (!name.equals("host")) {
                again.putHeader(name, sent.header(name));
            }
        }
        LocalDateTime at =
                LocalDateTime.parse(sent.header("x-amz-date"), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        AwsCredentials keys = AwsCredentials.of(keyId, secret, Optional.ofNullable(token));
        String expected = AwsV4HttpSigner.create()
                .sign(r -> r.identity(keys.identity())
                        .request(again.build())
                        .payload(ContentStreamProvider.fromUtf8String(sent.body()))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(
                                AwsV4HttpSigner.SIGNING_CLOCK,
                                Clock.fixed(at.toInstant(ZoneOffset.UTC), ZoneOffset.UTC)))
                .request()
                .firstMatchingHeader("Authorization")
                .orElseThrow();
        assertThat(authorization).isEqualTo(expected);
    }

    @Test
    void credentialsComeFromLambdasVariablesAndNeverPrint() {
        AwsCredentials keys = AwsCredentials.fromEnvironment(EnvReader.of(Map.of(
                "AWS_ACCESS_KEY_ID", "ASIAVISIBLE",
                "AWS_SECRET_ACCESS_KEY", "very-secret",
                "AWS_SESSION_TOKEN", "token-secret")));
        assertThat(keys.toString()).doesNotContain("ASIAVISIBLE", "very-secret", "token-secret");
        assertThatThrownBy(() ->
                        AwsCredentials.fromEnvironment(EnvReader.of(Map.of("AWS_SECRET_ACCESS_KEY", "very-secret"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("AWS_ACCESS_KEY_ID: not set")
                .hasMessageNotContaining("very-secret");
        assertThatThrownBy(() -> AwsCredentials.fromEnvironment(EnvReader.of(Map.of("AWS_ACCESS_KEY_ID", "AKID"))))
                .hasMessageStartingWith("AWS_SECRET_ACCESS_KEY: not set");
    }
}
