package dev.tollgate.authorizer.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.tollgate.session.http.Headers;
import dev.tollgate.session.verify.SessionVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a REST {@code REQUEST} authorizer event from the raw invocation bytes with a streaming
 * parser: no object mapping, no reflection, and nothing the decision does not need is kept (of the
 * headers, only those {@link SessionVerifier#REQUEST_HEADERS} names).
 *
 * <p>Why not {@code APIGatewayCustomAuthorizerEvent}: it has no {@code multiValueHeaders}, so a
 * cookie header split over several lines would be silently cut to one value.
 */
public final class EventReader {

    /** The top-level keys the reader takes; the others are skipped unread. */
    private static final Set<String> READ =
            Set.of("type", "methodArn", "httpMethod", "resource", "headers", "multiValueHeaders", "requestContext");

    /**
     * No {@code STRICT_DUPLICATE_DETECTION}: it checks every key of every object, the skipped ones
     * included, and cost a tenth of a cached decision on C1. A repeated key is refused where it could
     * matter instead: a second {@code methodArn}, {@code headers} or kept header must never silently
     * override the first.
     */
    private final JsonFactory json = new JsonFactory();

    public AuthorizerEvent read(InputStream in) throws MalformedEventException, IOException {
        // One read into an array, then a parser over it: under Lambda's C1-only JIT the parser's
        // stream-backed input path costs more than the copy (the events are a few KB).
        byte[] bytes = in.readAllBytes();
        try (JsonParser p = json.createParser(bytes)) {
            return readEvent(p, bytes);
        } catch (JsonProcessingException e) {
            // The parser's own message can quote the payload; say only where it broke.
            throw new MalformedEventException(
                    "event is not valid JSON (at line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")");
        }
    }

    private AuthorizerEvent readEvent(JsonParser p, byte[] bytes) throws IOException, MalformedEventException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException("event is not a JSON object");
        }
        String type = null;
        String methodArn = null;
        String httpMethod = null;
        String resource = null;
        String requestId = null;
        Map<String, Long> headers = null;
        Map<String, List<String>> multiValueHeaders = Map.of();
        Set<String> seen = new HashSet<>(8);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (READ.contains(field) && !seen.add(field)) {
                throw new MalformedEventException("event has the key " + field + " twice");
            }
            switch (field) {
                case "type" -> type = stringOrNull(p, field);
                case "methodArn" -> methodArn = stringOrNull(p, field);
                case "httpMethod" -> httpMethod = stringOrNull(p, field);
                case "resource" -> resource = stringOrNull(p, field);
                case "headers" -> headers = stringOffsets(p, field);
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
        if (httpMethod == null || !isVerb(httpMethod)) {
            throw new MalformedEventException("httpMethod is missing or not an upper-case HTTP verb");
        }
        if (resource == null || !resource.startsWith("/")) {
            throw new MalformedEventException("resource is missing or does not start with '/'");
        }
        return new AuthorizerEvent(
                arn,
                httpMethod,
                resource,
                requestId,
                Headers.of(multiValueHeaders, onlyInHeaders(bytes, headers, multiValueHeaders)));
    }

    private static String stringOrNull(JsonParser p, String field) throws IOException, MalformedEventException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_NULL -> null;
            default -> throw new MalformedEventException(field + " is not a string");
        };
    }

    /**
     * The single-valued {@code headers}, checked for shape, as where each kept header's value starts.
     * API Gateway repeats every header in {@code multiValueHeaders}, which wins (see {@link Headers}),
     * and a cookie header is a few KB: decoding it twice was a tenth of a cached decision on C1. So a
     * value here is decoded only if {@code multiValueHeaders} turns out not to have its name.
     */
    private static Map<String, Long> stringOffsets(JsonParser p, String field)
            throws IOException, MalformedEventException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException(field + " is not an object");
        }
        Map<String, Long> offsets = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.VALUE_STRING) {
                if (decisionReads(name)
                        && offsets.put(name, p.currentTokenLocation().getByteOffset()) != null) {
                    throw new MalformedEventException(field + " has the key " + name + " twice");
                }
            } else if (value != JsonToken.VALUE_NULL) {
                throw new MalformedEventException(field + " has a value that is not a string");
            }
        }
        return offsets;
    }

    /** The kept single-valued headers whose names {@code multiValueHeaders} lacks, decoded. */
    private Map<String, String> onlyInHeaders(byte[] bytes, Map<String, Long> offsets, Map<String, List<String>> multi)
            throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, Long> header : offsets.entrySet()) {
            if (!containsIgnoringCase(multi, header.getKey())) {
                int at = Math.toIntExact(header.getValue());
                try (JsonParser value = json.createParser(bytes, at, bytes.length - at)) {
                    value.nextToken();
                    values.put(header.getKey(), value.getText());
                }
            }
        }
        return values;
    }

    private static boolean containsIgnoringCase(Map<String, ?> map, String name) {
        for (String key : map.keySet()) {
            if (key.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
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
            boolean keep = decisionReads(name);
            List<String> values = keep ? new ArrayList<>(2) : null;
            JsonToken item;
            while ((item = p.nextToken()) != JsonToken.END_ARRAY) {
                if (item == JsonToken.VALUE_STRING) {
                    if (keep) {
                        values.add(p.getText());
                    }
                } else if (item != JsonToken.VALUE_NULL) {
                    throw new MalformedEventException(field + " has a list item that is not a string");
                }
            }
            if (keep && map.put(name, values) != null) {
                throw new MalformedEventException(field + " has the key " + name + " twice");
            }
        }
        return map;
    }

    /**
     * Whether the session verification reads this header. The others are checked for shape but never
     * decoded into strings: an event carries a dozen headers, and building strings for them was a
     * large part of a cached decision under Lambda's C1-only JIT.
     */
    private static boolean decisionReads(String name) {
        for (String read : SessionVerifier.REQUEST_HEADERS) {
            if (read.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String requestId(JsonParser p) throws IOException, MalformedEventException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedEventException("requestContext is not an object");
        }
        String requestId = null;
        boolean seen = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("requestId")) {
                if (seen) {
                    throw new MalformedEventException("requestContext has the key requestId twice");
                }
                seen = true;
                String value = stringOrNull(p, "requestContext.requestId");
                requestId = value != null && isRequestId(value) ? value : null;
            } else {
                p.skipChildren();
            }
        }
        return requestId;
    }

    /** One to 16 upper-case ASCII letters. */
    private static boolean isVerb(String value) {
        if (value.isEmpty() || value.length() > 16) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /** API Gateway's request ids are UUIDs; anything else is not repeated in logs and errors. */
    private static boolean isRequestId(String value) {
        if (value.isEmpty() || value.length() > 128) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
