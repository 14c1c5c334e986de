package dev.tollgate.session.internal.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tollgate.session.core.CoreClient;
import dev.tollgate.session.core.CoreException;
import dev.tollgate.session.core.CoreHttpException;
import dev.tollgate.session.core.CoreProtocolException;
import dev.tollgate.session.core.CoreUnreachableException;
import dev.tollgate.session.internal.http.HttpExchange;
import dev.tollgate.session.internal.json.SessionJson;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How CDI requests travel (docs/supertokens.md#cdi): headers, failover over the configured cores, 429 retries, and
 * the rule that only an HTTP 200 with a JSON object is an answer; everything else is a {@link CoreException}.
 */
public final class CoreTransport {
    private static final int MAX_RETRIES_ON_429 = 5;
    private static final int MAX_ERROR_BODY_CHARS = 300;
    /** CDI answers are a few KB; anything near this is not a core talking. */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private final List<URI> coreUris;
    private final String apiKey;
    private final HttpExchange http;

    public CoreTransport(List<URI> coreUris, String apiKey, HttpExchange http) {
        this.coreUris = List.copyOf(coreUris);
        this.apiKey = apiKey;
        this.http = http;
    }

    public JsonNode post(String path, String rid, ObjectNode body) throws CoreException {
        return call("POST", path, Map.of(), body, rid, true);
    }

    public JsonNode call(
            String method, String path, Map<String, String> query, ObjectNode body, String rid, boolean sendCdiVersion)
            throws CoreException {
        String ridHeader = ridFor(path, rid);
        byte[] bytes = null;
        if (body != null) {
            bytes = SessionJson.writeBytes(body);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (sendCdiVersion) {
            headers.put("cdi-version", CoreClient.CDI_VERSION);
        }
        if (apiKey != null) {
            headers.put("api-key", apiKey);
        }
        if (ridHeader != null) {
            headers.put("rid", ridHeader);
        }
        if (bytes != null) {
            headers.put("content-type", "application/json; charset=utf-8");
        }
        StringBuilder failures = new StringBuilder();
        for (URI base : coreUris) {
            URI uri = URI.create(base + path + queryString(query));
            for (int attempt = 0; ; attempt++) {
                HttpExchange.Answer response;
                try {
                    response = http.send(method, uri, headers, bytes, MAX_ANSWER_BYTES);
                } catch (SocketTimeoutException e) {
                    failures.append(' ').append(base).append(" timed out;");
                    break;
                } catch (HttpExchange.AnswerTooLargeException e) {
                    throw new CoreProtocolException(path + " answered more than " + MAX_ANSWER_BYTES + " bytes");
                } catch (IOException e) {
                    failures.append(' ')
                            .append(base)
                            .append(" unreachable (")
                            .append(e.getClass().getSimpleName())
                            .append(");");
                    break;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CoreUnreachableException("interrupted while calling the core at " + path);
                }
                if (response.status() == 429 && attempt < MAX_RETRIES_ON_429) {
                    sleep(10L + 250L * attempt);
                    continue;
                }
                if (response.status() != 200) {
                    String text = new String(response.body(), StandardCharsets.UTF_8);
                    throw new CoreHttpException(
                            path,
                            response.status(),
                            text.length() > MAX_ERROR_BODY_CHARS ? text.substring(0, MAX_ERROR_BODY_CHARS) : text);
                }
                try {
                    JsonNode node = SessionJson.readTree(response.body());
                    if (node == null || !node.isObject()) {
                        throw new CoreProtocolException(path + " answered 200 without a JSON object");
                    }
                    return node;
                } catch (IOException e) {
                    throw new CoreProtocolException(path + " answered 200 with invalid JSON");
                }
            }
        }
        throw new CoreUnreachableException("no core reachable for " + path + ":" + failures);
    }

    /** {@code rid} only when the path's first or second segment is {@code recipe} (docs/supertokens.md#cdi). */
    public static String ridFor(String path, String rid) {
        if (rid == null) {
            return null;
        }
        String[] segments = path.substring(1).split("/");
        boolean recipePath = (segments.length > 0 && segments[0].equals("recipe"))
                || (segments.length > 1 && segments[1].equals("recipe"));
        return recipePath ? rid : null;
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("?");
        query.forEach((k, v) -> {
            if (sb.length() > 1) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"));
        });
        return sb.toString();
    }

    private static void sleep(long millis) throws CoreUnreachableException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoreUnreachableException("interrupted while waiting to retry");
        }
    }

    public static String tenant(String tenantId) {
        String t = tenantId == null || tenantId.isEmpty() ? "public" : tenantId;
        if (!t.matches("[A-Za-z0-9-]+")) {
            throw new IllegalArgumentException("invalid tenant id");
        }
        return t;
    }
}
