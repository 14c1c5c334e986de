package dev.tollgate.authapi.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads REST API (payload v1) proxy events into {@link ApiRequest} and writes {@link ApiResponse} as
 * the proxy result, straight from and to the bytes Lambda hands the function. Streaming jackson-core
 * instead of the runtime's POJO serializer: that serializer (its own Jackson and joda-time) was most
 * of the classes a cold start loaded (benchmarks/README.md, "Cold start"). The field names and shapes
 * are those of {@code aws-lambda-java-events}' {@code APIGatewayProxyRequestEvent} and
 * {@code APIGatewayProxyResponseEvent}; the tests hold the two to each other.
 */
public final class ProxyEvents {

    private static final JsonFactory JSON = new JsonFactory();

    private ProxyEvents() {}

    /**
     * Reads an event. API Gateway sends each header in both {@code multiValueHeaders} (every value)
     * and {@code headers} (the last value); the multi-valued form wins, the other fills gaps. Fields
     * this API does not use (requestContext, pathParameters, ...) are skipped unread.
     *
     * @throws IllegalArgumentException when the input is not a JSON object of the event's shape, lacks a
     *                                  method or path, or its body is not base64 although it says so
     */
    public static ApiRequest toRequest(InputStream event) throws IOException {
        EventFields fields = new EventFields();
        try (JsonParser parser = JSON.createParser(event)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                readFields(parser, fields);
            } else if (first != JsonToken.VALUE_NULL && first != null) {
                throw new IllegalArgumentException("not a REST API proxy event: not a JSON object");
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a REST API proxy event: not JSON");
        }
        return fields.toRequest();
    }

    /** The event's fields this API reads, as the event class names them. */
    private static final class EventFields {
        String httpMethod;
        String path;
        Map<String, String> headers;
        Map<String, List<String>> multiValueHeaders;
        Map<String, String> queryStringParameters;
        Map<String, List<String>> multiValueQueryStringParameters;
        String body;
        Boolean isBase64Encoded;

        ApiRequest toRequest() {
            if (httpMethod == null || path == null) {
                throw new IllegalArgumentException("not a REST API proxy event: httpMethod and path are required");
            }
            return new ApiRequest(
                    httpMethod,
                    path,
                    merge(multiValueHeaders, headers, true),
                    merge(multiValueQueryStringParameters, queryStringParameters, false),
                    decodedBody());
        }

        private String decodedBody() {
            if (body == null) {
                return "";
            }
            if (Boolean.TRUE.equals(isBase64Encoded)) {
                return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            return body;
        }
    }

    private static void readFields(JsonParser parser, EventFields fields) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "httpMethod" -> fields.httpMethod = text(parser, name);
                case "path" -> fields.path = text(parser, name);
                case "body" -> fields.body = text(parser, name);
                case "isBase64Encoded" -> fields.isBase64Encoded = bool(parser, name);
                case "headers" -> fields.headers = singleValued(parser, name);
                case "queryStringParameters" -> fields.queryStringParameters = singleValued(parser, name);
                case "multiValueHeaders" -> fields.multiValueHeaders = multiValued(parser, name);
                case "multiValueQueryStringParameters" ->
                    fields.multiValueQueryStringParameters = multiValued(parser, name);
                default -> {
                    if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                        parser.skipChildren();
                    }
                }
            }
        }
    }

    private static String text(JsonParser parser, String field) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING -> parser.getText();
            default -> throw wrongType(field, "a string");
        };
    }

    private static Boolean bool(JsonParser parser, String field) {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            default -> throw wrongType(field, "a boolean");
        };
    }

    /** {@code {"name": "value" | null, ...}} or null. */
    private static Map<String, String> singleValued(JsonParser parser, String field) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw wrongType(field, "an object of strings");
        }
        Map<String, String> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            values.put(name, text(parser, field));
        }
        return values;
    }

    /** {@code {"name": ["value", ...] | null, ...}} or null. */
    private static Map<String, List<String>> multiValued(JsonParser parser, String field) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw wrongType(field, "an object of string arrays");
        }
        Map<String, List<String>> values = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken list = parser.nextToken();
            if (list == JsonToken.VALUE_NULL) {
                values.put(name, null);
                continue;
            }
            if (list != JsonToken.START_ARRAY) {
                throw wrongType(field, "an object of string arrays");
            }
            List<String> entries = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                entries.add(text(parser, field));
            }
            values.put(name, entries);
        }
        return values;
    }

    private static IllegalArgumentException wrongType(String field, String expected) {
        return new IllegalArgumentException("not a REST API proxy event: " + field + " must be " + expected);
    }

    /**
     * Writes the proxy result: {@code statusCode}, {@code headers}, {@code multiValueHeaders} (only
     * {@code Set-Cookie}, one entry per cookie: API Gateway writes each as its own line; absent when
     * there is none), {@code body} and {@code isBase64Encoded: false}.
     */
    public static void writeResponse(ApiResponse response, OutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("statusCode", response.status());
            json.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> header : response.headers().entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            List<String> cookies = response.cookies();
            if (!cookies.isEmpty()) {
                json.writeObjectFieldStart("multiValueHeaders");
                json.writeArrayFieldStart("Set-Cookie");
                for (String cookie : cookies) {
                    json.writeString(cookie);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            if (response.body() != null) {
                json.writeStringField("body", response.body());
            }
            json.writeBooleanField("isBase64Encoded", false);
            json.writeEndObject();
        }
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
}
