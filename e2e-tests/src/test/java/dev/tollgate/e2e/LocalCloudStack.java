package dev.tollgate.e2e;

import dev.tollgate.localstack.LocalCloud;
import dev.tollgate.localstack.LocalCloudOptions;
import java.net.URI;
import java.util.Optional;

/** The local cloud (module localstack) on ephemeral ports, started for this test run and stopped after it. */
final class LocalCloudStack implements Stack {

    private final LocalCloud cloud;
    private final URI web;
    private final URI api;
    private final URI mailbox;

    private LocalCloudStack(LocalCloud cloud) {
        this.cloud = cloud;
        this.web = uri(cloud.web());
        this.api = uri(cloud.api());
        this.mailbox = uri(cloud.mailbox());
    }

    static Stack start(E2eSettings settings) {
        LocalCloudOptions options = LocalCloudOptions.builder(settings.repoRoot())
                .ephemeralPorts()
                .accessTokenValidity(settings.accessTokenValidity())
                .build();
        return new LocalCloudStack(LocalCloud.start(options));
    }

    @Override
    public URI web() {
        return web;
    }

    @Override
    public URI api() {
        return api;
    }

    @Override
    public Optional<URI> mailbox() {
        return Optional.of(mailbox);
    }

    @Override
    public void close() {
        cloud.close();
    }

    /** Without a trailing slash, so paths can be appended. */
    private static URI uri(URI value) {
        String text = value.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
