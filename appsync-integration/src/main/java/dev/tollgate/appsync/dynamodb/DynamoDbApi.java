package dev.tollgate.appsync.dynamodb;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntToLongFunction;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;

/**
 * DynamoDB's JSON protocol (version 2012-08-10) over {@code HttpURLConnection}, signed with the AWS
 * SDK's own SigV4 signer. It stands in for the SDK's {@code DynamoDbClient}, whose construction and
 * first call cost most of the resolver's cold start (docs/aws.md#dynamodb-protocol): the resolver
 * makes four kinds of call, and each is one signed POST.
 *
 * <p>Like the SDK's standard retry mode, a call is sent up to {@link #MAX_ATTEMPTS} times when
 * DynamoDB throttles it, answers 5xx, or cannot be reached, with jittered exponential back-off; an
 * answer's {@code x-amz-crc32} is checked, as the SDK does, and a mismatch is retried too.
 */
public final class DynamoDbApi {

    static final String CONTENT_TYPE = "application/x-amz-json-1.0";
    static final String TARGET_PREFIX = "DynamoDB_20120810.";
    static final int MAX_ATTEMPTS = 3;
    /** A Query or Scan page holds at most 1 MB of data; its JSON is a little larger. */
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    static final int READ_TIMEOUT_MILLIS = 10_000;

    /** DynamoDB's error types that mean "slow down", answered with HTTP 400. */
    private static final Set<String> THROTTLING = Set.of(
            "ProvisionedThroughputExceededException",
            "ThrottlingException",
            "RequestLimitExceeded",
            "TransactionInProgressException");

    private static final Pattern OPERATION = Pattern.compile("[A-Z][A-Za-z]{1,40}");
    private static final JsonFactory JSON = new JsonFactory();
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final URI endpoint;
    private final String region;
    private final AwsCredentials credentials;
    private final IntToLongFunction backoffMillis;

    /** A client of {@code endpoint} (DynamoDB's regional endpoint, or a local emulator's) in {@code region}. */
    public DynamoDbApi(URI endpoint, String region, AwsCredentials credentials) {
        this(endpoint, region, credentials, DynamoDbApi::jitteredBackoff);
    }

    DynamoDbApi(URI endpoint, String region, AwsCredentials credentials, IntToLongFunction backoffMillis) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.region = Objects.requireNonNull(region, "region");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.backoffMillis = Objects.requireNonNull(backoffMillis, "backoffMillis");
        if (!"https".equals(endpoint.getScheme()) && !"http".equals(endpoint.getScheme())) {
            throw new IllegalArgumentException("the DynamoDB endpoint must be an http(s) URL");
        }
    }

    /** Writes the fields of one request body (the enclosing object is opened and closed by the caller). */
    @FunctionalInterface
    public interface RequestBody {
        void write(JsonGenerator json) throws IOException;
    }

    /**
     * Calls {@code operation} (e.g. {@code Query}) with the body {@code request} writes, and returns the
     * parts of its answer the resolver reads.
     */
    public DynamoDbAnswer call(String operation, RequestBody request) {
        if (!OPERATION.matcher(operation).matches()) {
            throw new IllegalArgumentException("not a DynamoDB operation name: " + operation);
        }
        byte[] body = body(request);
        for (int attempt = 1; ; attempt++) {
            try {
                return send(operation, body);
            } catch (DynamoDbException e) {
                if (!e.retryable() || attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                pause(backoffMillis.applyAsLong(attempt));
            }
        }
    }

    private static byte[] body(RequestBody request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            request.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private DynamoDbAnswer send(String operation, byte[] body) {
        SdkHttpRequest signed = sign(operation, body);
        HttpURLConnection connection = null;
        boolean answered = false;
        try {
            connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
            connection.setReadTimeout(READ_TIMEOUT_MILLIS);
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            for (Map.Entry<String, List<String>> header : signed.headers().entrySet()) {
                // HttpURLConnection writes Host itself, from the same URL the signer read it from.
                if (!header.getKey().equalsIgnoreCase("Host")) {
                    connection.setRequestProperty(header.getKey(), String.join(",", header.getValue()));
                }
            }
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] answer = readBounded(stream, status);
            answered = true;
            checkCrc32(connection.getHeaderField("x-amz-crc32"), answer);
            if (status == 200) {
                return DynamoDbAnswer.parse(answer);
            }
            throw error(status, answer);
        } catch (IOException e) {
            // The exception's message can hold the endpoint, never data: keep only its kind.
            throw DynamoDbException.transport(
                    operation + " failed: " + e.getClass().getSimpleName());
        } finally {
            // A fully read answer leaves the connection to the JDK's keep-alive cache for the next call;
            // anything less could leave it mid-answer, so it is closed.
            if (connection != null && !answered) {
                connection.disconnect();
            }
        }
    }

    private SdkHttpRequest sign(String operation, byte[] body) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint)
                .putHeader("Content-Type", CONTENT_TYPE)
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .build();
        return SIGNER.sign(r -> r.identity(credentials.identity())
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArrayUnsafe(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region))
                .request();
    }

    private static byte[] readBounded(InputStream stream, int status) throws IOException {
        if (stream == null) {
            return new byte[0];
        }
        try (InputStream in = stream) {
            byte[] answer = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (answer.length > MAX_ANSWER_BYTES) {
                throw DynamoDbException.malformedAnswer(status, "an answer over " + MAX_ANSWER_BYTES + " bytes");
            }
            return answer;
        }
    }

    private static void checkCrc32(String header, byte[] answer) {
        if (header == null) {
            return;
        }
        CRC32 crc = new CRC32();
        crc.update(answer);
        if (!header.trim().equals(Long.toString(crc.getValue()))) {
            throw DynamoDbException.transport("the answer's x-amz-crc32 does not match its body");
        }
    }

    /** DynamoDB's error answer: {@code {"__type": "com.amazonaws.dynamodb.v20120810#Type", "message": ...}}. */
    private static DynamoDbException error(int status, byte[] answer) {
        String type = "Unknown";
        String message = "";
        try (JsonParser parser = JSON.createParser(answer)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if (value == JsonToken.VALUE_STRING && name.equals("__type")) {
                        String full = parser.getText();
                        type = full.substring(full.lastIndexOf('#') + 1);
                    } else if (value == JsonToken.VALUE_STRING && name.equalsIgnoreCase("message")) {
                        message = parser.getText();
                    } else {
                        parser.skipChildren();
                    }
                }
            }
        } catch (IOException e) {
            // Not JSON (a proxy's page, a cut answer): the status alone decides.
        }
        boolean retryable = status >= 500 || THROTTLING.contains(type);
        return new DynamoDbException(type, status, retryable, message);
    }

    /** Full jitter over 50 ms, 100 ms, ...: spreads retries of many instances throttled at once. */
    private static long jitteredBackoff(int attempt) {
        long ceiling = Math.min(1_000, 50L << Math.min(attempt - 1, 10));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DynamoDbException.transport("interrupted while waiting to retry");
        }
    }
}
