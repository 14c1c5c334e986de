package dev.tollgate.localstack.gateway;

import java.util.Locale;
import java.util.Set;

/**
 * Backend headers that API Gateway does not return under their own name but as
 * {@code x-amzn-Remapped-<name>} (docs/aws.md#integration-types): hop-by-hop and identity headers of the backend
 * would otherwise clash with the gateway's own.
 */
final class RemappedHeaders {

    private static final Set<String> NAMES = Set.of(
            "connection",
            "content-length",
            "date",
            "server",
            "authorization",
            "content-md5",
            "expect",
            "host",
            "max-forwards",
            "proxy-authenticate",
            "trailer",
            "upgrade",
            "user-agent",
            "www-authenticate",
            "transfer-encoding");

    private RemappedHeaders() {}

    static boolean isRemapped(String name) {
        return NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The name under which a backend header reaches the client. */
    static String clientName(String name) {
        return isRemapped(name) ? "x-amzn-Remapped-" + name : name;
    }
}
