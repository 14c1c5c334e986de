package dev.tollgate.authorizer.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventReaderTest {

    private final EventReader reader = new EventReader();

    private AuthorizerEvent read(String json) throws Exception {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsTheRestRequestShapeWithCookiesSplitOverHeaderLines() throws Exception {
        AuthorizerEvent event = read(Fixtures.event("allow-cookie-session.json", Map.of("ACCESS_TOKEN", "tok")));

        assertThat(event.methodArn().value())
                .isEqualTo("arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/dev/POST/graphql");
        assertThat(event.methodArn().apiScope()).isEqualTo("arn:aws:execute-api:us-east-1:000000000000:a1b2c3d4e5/dev");
        assertThat(event.httpMethod()).isEqualTo("POST");
        assertThat(event.resource()).isEqualTo("/graphql");
        assertThat(event.requestId()).isEqualTo("8f2d6f0e-3c4b-4a51-9d7e-2b1f6a0c9e11");
        // headers.cookie holds only the last line; multiValueHeaders has both and wins.
        assertThat(event.headers().all("Cookie"))
                .containsExactly(
                        "sFrontToken=ZnJvbnQ%3D; st-last-access-token-update=1795712523035", "sAccessToken=tok");
        assertThat(event.headers().first("RID")).isEqualTo("anti-csrf");
        // Headers the session verification never reads are not kept.
        assertThat(event.headers().names()).containsExactlyInAnyOrder("cookie", "rid");
    }

    @Test
    void mergesHeaderNamesThatDifferOnlyInCase() throws Exception {
        AuthorizerEvent event = read(minimal("""
                "headers": {"Cookie": "b=2", "Anti-CSRF": "1", "X-One": "1"},
                "multiValueHeaders": {"Cookie": ["a=1"], "cookie": ["b=2"], "X-Two": ["2", null]}"""));

        assertThat(event.headers().all("cookie")).containsExactly("a=1", "b=2");
        // Present only in the single-value map: still visible.
        assertThat(event.headers().all("anti-csrf")).containsExactly("1");
        assertThat(event.headers().has("x-one")).isFalse();
        assertThat(event.headers().has("x-two")).isFalse();
    }

    @Test
    void aHeaderOnlyInTheSingleValueMapIsDecodedWithItsEscapesAfterMultiByteText() throws Exception {
        AuthorizerEvent event = read(minimal("""
                "headers": {"X-Name": "été ☃", "Authorization": "Bearer \\u0078\\\"y", "rid": "r"},
                "multiValueHeaders": {"rid": ["from-multi"]}"""));

        assertThat(event.headers().first("authorization")).isEqualTo("Bearer x\"y");
        assertThat(event.headers().all("rid")).containsExactly("from-multi");
    }

    @Test
    void headersTheDecisionDoesNotReadAreStillCheckedForShape() {
        assertThatThrownBy(() -> read(minimal("\"headers\": {\"X-One\": 1}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("headers has a value that is not a string");
        assertThatThrownBy(() -> read(minimal("\"headers\": {}, \"multiValueHeaders\": {\"X-One\": [\"1\", 2]}")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("multiValueHeaders has a list item that is not a string");
    }

    @Test
    void acceptsEmptyAndNullMultiValueHeadersAndEmptyOtherMaps() throws Exception {
        AuthorizerEvent event = read(minimal("""
                "headers": {"Authorization": "Bearer x"}, "multiValueHeaders": null,
                "queryStringParameters": {}, "pathParameters": null, "stageVariables": {}"""));
        assertThat(event.headers().first("authorization")).isEqualTo("Bearer x");

        AuthorizerEvent noHeaders = read(minimal("\"headers\": {}, \"multiValueHeaders\": {}"));
        assertThat(noHeaders.headers().all("cookie")).isEmpty();
    }

    @Test
    void rejectsMalformedEventsWithMessagesThatQuoteNothing() {
        assertThatThrownBy(() -> read(Fixtures.event("malformed-missing-method-arn.json")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("methodArn is missing");
        assertThatThrownBy(() -> read(Fixtures.event("malformed-headers-null.json")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("headers is missing or null");
        assertThatThrownBy(() -> read(Fixtures.event("malformed-not-json.txt")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith("event is not valid JSON (at line 1")
                .hasMessageNotContaining("Host");
        assertThatThrownBy(() -> read(Fixtures.event("malformed-token-type.json")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("not REQUEST");
        assertThatThrownBy(() -> read("[]")).hasMessage("event is not a JSON object");
        assertThatThrownBy(() -> read("")).hasMessage("event is not a JSON object");
        assertThatThrownBy(() -> read("{} {}")).hasMessage("event has content after its JSON object");
    }

    @Test
    void rejectsWrongTypesAndDuplicateKeys() throws Exception {
        assertThatThrownBy(() -> read(minimal("\"headers\": {\"a\": 1}")))
                .hasMessage("headers has a value that is not a string");
        assertThatThrownBy(() -> read(minimal("\"headers\": {}, \"multiValueHeaders\": {\"a\": \"x\"}")))
                .hasMessage("multiValueHeaders has a value that is not a list");
        assertThatThrownBy(
                        () -> read(
                                minimal(
                                        "\"headers\": {}, \"methodArn\": \"arn:aws:execute-api:us-east-1:000000000000:abc/dev/GET/x\"")))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage("event has the key methodArn twice");
        assertThatThrownBy(() -> read(minimal("\"headers\": {\"cookie\": \"a=1\", \"cookie\": \"b=2\"}")))
                .hasMessage("headers has the key cookie twice");
        assertThatThrownBy(
                        () -> read(minimal("\"headers\": {}, \"multiValueHeaders\": {\"rid\": [\"a\"], \"rid\": []}")))
                .hasMessage("multiValueHeaders has the key rid twice");
        assertThatThrownBy(() -> read(
                        minimal("\"headers\": {}, \"requestContext\": {\"requestId\": \"a\", \"requestId\": \"b\"}")))
                .hasMessage("requestContext has the key requestId twice");
        // Keys the reader skips may repeat: they decide nothing.
        assertThat(read(minimal("\"headers\": {\"X\": \"1\", \"X\": \"2\"}, \"path\": \"/a\""))
                        .resource())
                .isEqualTo("/graphql");
        assertThatThrownBy(() -> read(minimal("\"headers\": {}").replace("\"POST\"", "\"post\"")))
                .hasMessage("httpMethod is missing or not an upper-case HTTP verb");
    }

    @Test
    void rejectsArnsThatAreNotExecuteApiMethodArns() {
        for (String arn : new String[] {
            "arn:aws:lambda:us-east-1:000000000000:function:x",
            "arn:aws:execute-api:us-east-1:000000000000:abc/dev",
            "x",
            "arn:aws:execute-api:us-east-1:000000000000:abc/dev/POST/a\\u0007b"
        }) {
            assertThatThrownBy(() -> read(minimal("\"headers\": {}").replace(ARN, arn)))
                    .hasMessage("methodArn is not an execute-api method ARN");
        }
        String longArn = ARN + "/" + "a".repeat(1600);
        assertThatThrownBy(() -> read(minimal("\"headers\": {}").replace(ARN, longArn)))
                .hasMessage("methodArn is longer than 1600 characters");
    }

    private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:abc/dev/POST/graphql";

    private static String minimal(String extra) {
        return "{\"type\": \"REQUEST\", \"methodArn\": \"" + ARN + "\", \"resource\": \"/graphql\","
                + " \"path\": \"/graphql\", \"httpMethod\": \"POST\", " + extra + "}";
    }
}
