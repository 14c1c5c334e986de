package dev.tollgate.session.core;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/** The CDI client over a caller's {@link HttpClient}. */
class CoreClientOverHttpClientTest extends CoreClientTest {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    @Override
    CoreClient newClient(List<URI> cores, String apiKey, Duration requestTimeout) {
        return new CoreClient(cores, apiKey, requestTimeout, http);
    }
}
