package dev.tollgate.session.jwks;

import dev.tollgate.session.config.SessionConfig;
import dev.tollgate.session.core.CoreClient;

/** Every {@link JwksCacheTest} again, fetching over a caller's {@code java.net.http.HttpClient}. */
class JwksCacheOverHttpClientTest extends JwksCacheTest {
    @Override
    JwksCache newCache(SessionConfig config) {
        return JwksCache.create(
                config, JwksFetcher.overHttpClient(CoreClient.newHttpClient(config), config.requestTimeout()), clock);
    }
}
