package dev.tollgate.session.config;

import java.net.URI;
import java.util.Locale;

/**
 * Node's SameSite default (docs/supertokens.md#config-defaults): {@code none} when API and website differ in protocol or in
 * "top-level domain", else {@code lax}.
 *
 * <p>Node resolves the registrable domain with the public-suffix list; we approximate it with the last
 * two labels of the host (documented in the README). localhost and IP addresses count as one domain,
 * {@code localhost}, as in node.
 */
final class SameSiteDefault {
    private SameSiteDefault() {}

    static SameSite of(URI apiDomain, URI websiteDomain) {
        if (!apiDomain.getScheme().equals(websiteDomain.getScheme())) {
            return SameSite.NONE;
        }
        return siteOf(apiDomain.getHost()).equals(siteOf(websiteDomain.getHost())) ? SameSite.LAX : SameSite.NONE;
    }

    /** localhost, *.localhost and IP addresses. */
    static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[")
                || h.matches("\\d{1,3}(\\.\\d{1,3}){3}")
                || h.equals("localhost")
                || h.endsWith(".localhost");
    }

    static String siteOf(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (isLocal(h)) {
            return "localhost";
        }
        String[] labels = h.split("\\.");
        if (labels.length <= 2) {
            return h;
        }
        return labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
