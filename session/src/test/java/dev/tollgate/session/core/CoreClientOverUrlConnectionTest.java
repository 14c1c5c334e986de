package dev.tollgate.session.core;

import dev.tollgate.session.config.SessionConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The CDI client as production builds it from a config: over {@code HttpURLConnection}. */
class CoreClientOverUrlConnectionTest extends CoreClientTest {
    @Override
    CoreClient newClient(List<URI> cores, String apiKey, Duration requestTimeout) {
        return new CoreClient(SessionConfig.builder()
                .coreUris(cores)
                .apiKey(apiKey)
                .apiDomain(URI.create("http://localhost:4566"))
                .connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(requestTimeout)
                .build());
    }
}
