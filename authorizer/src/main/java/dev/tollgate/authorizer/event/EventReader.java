package dev.tollgate.authorizer.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.tollgate.session.http.Headers;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a REST {@code REQUEST} authorizer event from the raw invocation bytes with a streaming
 * parser: no object mapping, no reflection, and nothing the decision does not need is kept.
 *
 * <p>Why not {@code APIGatewayCustomAuthorizerEvent}: it has no {@code multiValueHeaders}, so a
 * cookie header split over several lines would be silently cut to one value.
 */
public final class EventReader {

    private static final Pattern VERB = Pattern.compile("[A-Z]{1,16}");
    /** API Gateway's request ids are UUIDs; anything else is not repeated in logs and errors. */
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final JsonFactory json = JsonFactory.builder()
            // A second "methodArn" or "headers" key must not silently override the first.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    public AuthorizerEvent read(InputStream in) throws MalformedEventException, IOException {
        // One read into an array, then a parser over it: under Lambda's C1-only JIT the parser's
        // stream-backed input path costs more than the copy (the events are a few KB).
        try (JsonParser p = json.createParser(in.readAllBytes())) {
            return readEvent(p);
        } catch (JsonProcessingException e) {
            // The parser's own message can quote the payload; say only where it broke.
            throw new MalformedEventException(
                    "event is not valid JSON (at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        }
    }

    private AuthorizerEvent readEvent(JsonParser p) throws IOException, MalformedEventException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException("event is not a JSON object");
        }
        String type = null;
        String methodArn = null;
        String httpMethod = null;
        String resource = null;
        String requestId = null;
        Map<String, String> headers = null;
        Map<String, List<String>> multiValueHeaders = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "type" -> type = stringOrNull(p, field);
                case "methodArn" -> methodArn = stringOrNull(p, field);
                case "httpMethod" -> httpMethod = stringOrNull(p, field);
                case "resource" -> resource = stringOrNull(p, field);
                case "headers" -> headers = stringMap(p, field);
                case "multiValueHeaders" -> multiValueHeaders = stringListMap(p, field);
                case "requestContext" -> requestId = requestId(p);
                default -> p.skipChildren();
            }
        }
        if (p.nextToken() != null) {
            throw new MalformedEventException("event has content after its JSON object");
        }
        if (!"REQUEST".equals(type)) {
            throw new MalformedEventException(
                    "event type is not REQUEST (only REST REQUEST authorizers are supported)");
        }
        MethodArn arn = MethodArn.parse(methodArn);
        if (headers == null) {
            // API Gateway always sends a headers object for a REST REQUEST authorizer (Host at
            // least); null means the event was not built by API Gateway.
            throw new MalformedEventException("headers is missing or null");
        }
        if (httpMethod == null || !VERB.matcher(httpMethod).matches()) {
            throw new MalformedEventException("httpMethod is missing or not an upper-case HTTP verb");
        }
        if (resource == null || !resource.startsWith("/")) {
            throw new MalformedEventException("resource is missing or does not start with '/'");
        }
        return new AuthorizerEvent(arn, httpMethod, resource, requestId, Headers.of(multiValueHeaders, headers));
    }

    private static String stringOrNull(JsonParser p, String field) throws IOException, MalformedEventException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_NULL -> null;
            default -> throw new MalformedEventException(field + " is not a string");
        };
    }

    /** A JSON object of strings; {@code null} values are dropped, a {@code null} map stays {@code null}. */
    private static Map<String, String> stringMap(JsonParser p, String field)
            throws IOException, MalformedEventException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException(field + " is not an object");
        }
        Map<String, String> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                map.put(name, p.getText());
            } else if (value != JsonToken.VALUE_NULL) {
                throw new MalformedEventException(field + " has a value that is not a string");
            }
        }
        return map;
    }

    /** {@code multiValueHeaders}: absent from AWS's documented example, so {@code null} means none. */
    private static Map<String, List<String>> stringListMap(JsonParser p, String field)
            throws IOException, MalformedEventException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException(field + " is not an object");
        }
        Map<String, List<String>> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_NULL) {
                continue;
            }
            if (value != JsonToken.START_ARRAY) {
                throw new MalformedEventException(field + " has a value that is not a list");
            }
            List<String> values = new ArrayList<>(2);
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                if (item == JsonToken.VALUE_STRING) {
                    values.add(p.getText());
                } else if (item != JsonToken.VALUE_NULL) {
                    throw new MalformedEventException(field + " has a list item that is not a string");
                }
            }
            map.put(name, values);
        }
        return map;
    }

    private static String requestId(JsonParser p) throws IOException, MalformedEventException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException("requestContext is not an object");
        }
        String requestId = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("requestId")) {
                String value = stringOrNull(p, "requestContext.requestId");
                requestId = value != null && REQUEST_ID.matcher(value).matches() ? value : null;
            } else {
                p.skipChildren();
            }
        }
        return requestId;
    }
}
