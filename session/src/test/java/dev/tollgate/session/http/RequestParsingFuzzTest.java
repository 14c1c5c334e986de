package dev.tollgate.session.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/**
 * The {@code Cookie} and {@code Authorization} header parsers on hostile header values: never an exception,
 * a cookie found is counted, a Bearer token is never blank and never starts or ends with whitespace.
 * Seeds: {@code RequestParsingFuzzTestInputs/}.
 */
class RequestParsingFuzzTest {

    private static final List<String> NAMES =
            List.of("sAccessToken", "sRefreshToken", "sAntiCsrf", "st-last-access-token-update");

    @FuzzTest(maxDuration = "30s")
    void cookieHeaders(FuzzedDataProvider data) {
        String name = data.pickValue(NAMES);
        String first = data.consumeString(400);
        String second = data.consumeRemainingAsString();
        Headers headers = Headers.ofMulti(Map.of("Cookie", List.of(first, second)));
        String value = RequestCookies.get(headers, name);
        int count = RequestCookies.count(headers, name);
        if (value != null) {
            assertThat(count).isPositive();
        }
        assertThat(count).isGreaterThanOrEqualTo(0);
    }

    @FuzzTest(maxDuration = "30s")
    void authorizationHeader(FuzzedDataProvider data) {
        Headers headers = Headers.ofSingle(Map.of("Authorization", data.consumeRemainingAsString()));
        String token = BearerToken.from(headers);
        if (token != null) {
            assertThat(token).isNotBlank().isEqualTo(token.strip());
            assertThat(headers.first("authorization")).startsWith("Bearer ");
        }
    }
}
