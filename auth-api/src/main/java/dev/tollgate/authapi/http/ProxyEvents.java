package dev.tollgate.authapi.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Converts REST API (payload v1) proxy events to {@link ApiRequest} and {@link ApiResponse} back. */
public final class ProxyEvents {

    private ProxyEvents() {}

    /**
     * Reads an event. API Gateway sends each header in both {@code multiValueHeaders} (every value)
     * and {@code headers} (the last value); the multi-valued form wins, the other fills gaps.
     *
     * @throws IllegalArgumentException when the event lacks a method or path, or its body is not base64
     *                                  although it says so
     */
    public static ApiRequest toRequest(APIGatewayProxyRequestEvent event) {
        if (event == null || event.getHttpMethod() == null || event.getPath() == null) {
            throw new IllegalArgumentException("not a REST API proxy event: httpMethod and path are required");
        }
        return new ApiRequest(
                event.getHttpMethod(),
                event.getPath(),
                merge(event.getMultiValueHeaders(), event.getHeaders(), true),
                merge(event.getMultiValueQueryStringParameters(), event.getQueryStringParameters(), false),
                body(event));
    }

    public static APIGatewayProxyResponseEvent toResponseEvent(ApiResponse response) {
        APIGatewayProxyResponseEvent event = new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(response.headers())
                .withBody(response.body())
                .withIsBase64Encoded(false);
        List<String> cookies = response.cookies();
        if (!cookies.isEmpty()) {
            Map<String, List<String>> multi = new LinkedHashMap<>();
            // One list entry per cookie: API Gateway writes each as its own Set-Cookie line.
            multi.put("Set-Cookie", cookies);
            event.setMultiValueHeaders(multi);
        }
        return event;
    }

    private static Map<String, List<String>> merge(
            Map<String, List<String>> multi, Map<String, String> single, boolean lowerCaseNames) {
        Map<String, List<String>> merged = new HashMap<>();
        if (multi != null) {
            multi.forEach((name, values) -> {
                if (name != null && values != null) {
                    List<String> kept = merged.computeIfAbsent(key(name, lowerCaseNames), k -> new ArrayList<>());
                    values.stream().filter(v -> v != null).forEach(kept::add);
                }
            });
        }
        if (single != null) {
            single.forEach((name, value) -> {
                if (name != null && value != null) {
                    merged.computeIfAbsent(key(name, lowerCaseNames), k -> new ArrayList<>(List.of(value)));
                }
            });
        }
        merged.replaceAll((name, values) -> List.copyOf(values));
        return merged;
    }

    private static String key(String name, boolean lowerCase) {
        return lowerCase ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static String body(APIGatewayProxyRequestEvent event) {
        String body = event.getBody();
        if (body == null) {
            return "";
        }
        if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
            return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        return body;
    }
}
