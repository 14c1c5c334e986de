package dev.tollgate.localstack.gateway;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One client request as the gateway sees it, with the ids API Gateway assigns to it.
 *
 * @param fullPath       the request path as sent, stage prefix included ({@code /dev/graphql})
 * @param query          decoded query parameters, all values in order
 * @param headers        client headers, all values in order, names in lower case
 * @param pathParameters filled once the route is known
 */
record GatewayRequest(
        String method,
        String fullPath,
        Map<String, List<String>> query,
        Map<String, List<String>> headers,
        byte[] body,
        String sourceIp,
        Map<String, String> pathParameters,
        Ids ids) {

    /** Request ids and time, as in {@code requestContext} and the {@code x-amzn-*} response headers. */
    record Ids(String requestId, String extendedRequestId, String traceId, long requestTimeEpoch) {

        private static final SecureRandom RANDOM = new SecureRandom();

        static Ids next() {
            byte[] ext = new byte[10];
            byte[] trace = new byte[12];
            RANDOM.nextBytes(ext);
            RANDOM.nextBytes(trace);
            long now = System.currentTimeMillis();
            return new Ids(
                    UUID.randomUUID().toString(),
                    Base64.getEncoder().encodeToString(ext),
                    "Root=1-" + Long.toHexString(now / 1000) + "-"
                            + HexFormat.of().formatHex(trace),
                    now);
        }
    }

    GatewayRequest withPathParameters(Map<String, String> parameters) {
        return new GatewayRequest(method, fullPath, query, headers, body, sourceIp, Map.copyOf(parameters), ids);
    }

    /** {@code User-Agent}, for {@code requestContext.identity.userAgent}. */
    String userAgent() {
        return GatewayHeaders.last(headers, "User-Agent");
    }

    /** The host name the client addressed (no port), for {@code requestContext.domainName}. */
    String domainName() {
        String host = GatewayHeaders.last(headers, "Host");
        if (host == null || host.isBlank()) {
            return "localhost";
        }
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
