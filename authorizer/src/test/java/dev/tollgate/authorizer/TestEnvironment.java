package dev.tollgate.authorizer;

import java.util.HashMap;
import java.util.Map;

/** The authorizer's environment in its tests: the demo's API and website, stage /dev, one required claim. */
final class TestEnvironment {

    private TestEnvironment() {}

    /** A mutable environment pointing at the core at {@code coreUri}; callers add or override variables. */
    static Map<String, String> withCore(String coreUri) {
        return new HashMap<>(Map.of(
                "SUPERTOKENS_CONNECTION_URI", coreUri,
                "API_DOMAIN", "http://localhost:4000",
                "WEBSITE_DOMAIN", "http://localhost:3000",
                "API_GATEWAY_PATH", "/dev",
                "API_BASE_PATH", "/auth",
                "ANTI_CSRF", "VIA_CUSTOM_HEADER",
                "REQUIRED_CLAIMS", "POST /verified/graphql=st-ev"));
    }
}
