package dev.tollgate.e2e;

import dev.tollgate.localstack.LocalCloud;
import dev.tollgate.localstack.LocalCloudOptions;
import java.net.URI;
import java.util.Optional;

/** The local cloud (module localstack) on ephemeral ports, started for this test run and stopped after it. */
final class LocalCloudStack {

    private LocalCloudStack() {}

    static Stack start(E2eSettings settings) {
        LocalCloudOptions options = LocalCloudOptions.builder(settings.repoRoot())
                .ephemeralPorts()
                .accessTokenValidity(settings.accessTokenValidity())
                .build();
        LocalCloud cloud = LocalCloud.start(options);
        return new Stack(uri(cloud.web()), uri(cloud.api()), Optional.of(uri(cloud.mailbox())), cloud::close);
    }

    /** Without a trailing slash, so paths can be appended. */
    private static URI uri(URI value) {
        String text = value.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
