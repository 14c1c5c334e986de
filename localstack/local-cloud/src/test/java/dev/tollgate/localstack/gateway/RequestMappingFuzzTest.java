package dev.tollgate.localstack.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tollgate.localstack.http.QueryString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's request parsing and mapping on hostile input: the query string parser either parses or
 * refuses with {@link QueryString.MalformedQueryException} (which the gateway answers 400), and a mapping
 * expression is either refused by the definition check or resolves against any request without an
 * exception. Seeds: {@code RequestMappingFuzzTestInputs/}.
 */
class RequestMappingFuzzTest {

    private static final List<String> PREFIXES = List.of(
            "method.request.header.",
            "method.request.multivalueheader.",
            "method.request.querystring.",
            "method.request.path.",
            "context.authorizer.",
            "context.",
            "integration.response.header.",
            "integration.response.body.",
            "'");

    @FuzzTest(maxDuration = "30s")
    void queryStrings(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsString();
        try {
            Map<String, List<String>> parameters = QueryString.parse(raw).parameters();
            parameters.values().forEach(values -> assertThat(values).isNotEmpty()); // one value per occurrence
        } catch (QueryString.MalformedQueryException refused) {
            // answered 400 by the gateway
        }
    }

    @FuzzTest(maxDuration = "30s")
    void mappingExpressions(FuzzedDataProvider data) {
        Mappings.Use use = data.pickValue(Mappings.Use.values());
        String expression = data.pickValue(PREFIXES) + data.consumeString(80);
        String headerName = data.consumeString(20);
        String headerValue = data.consumeString(200);
        GatewayRequest request = new GatewayRequest(
                "POST",
                "/dev/graphql",
                Map.of("q", List.of(data.consumeString(40))),
                Map.of(headerName.toLowerCase(Locale.ROOT), List.of(headerValue)),
                data.consumeRemainingAsBytes(),
                "127.0.0.1",
                Map.of("proxy", "signup"),
                GatewayRequest.Ids.next());
        if (Mappings.problemWith(expression, use).isPresent()) {
            return; // the definition would not load
        }
        Optional<Mappings.BackendResponse> backend = Optional.of(new Mappings.BackendResponse(
                200, Map.of("x-a", List.of("1")), "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
        Mappings.resolve(expression, new Mappings.Sources(request, Map.of("principalId", "u"), backend));
    }
}
