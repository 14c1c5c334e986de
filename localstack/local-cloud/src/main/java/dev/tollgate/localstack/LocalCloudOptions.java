package dev.tollgate.localstack;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to run the local cloud; built once, before anything starts. Ports are TCP ports on 127.0.0.1,
 * 0 meaning "any free port" (tests).
 *
 * @param repoRoot            the repository checkout holding the built jars, the site and the definitions
 * @param webPort             the demo web site
 * @param apiPort             the API gateway (stage {@code /dev})
 * @param appsyncPort         the AppSync emulator
 * @param mailboxPort         the dev mailbox
 * @param corePort            the SuperTokens core stand-in (unused with {@code coreUri})
 * @param dynamodbPort        the DynamoDB emulator
 * @param accessTokenValidity lifetime of access tokens issued by the core stand-in
 * @param coreUri             a real SuperTokens core to use instead of the stand-in
 * @param coreApiKey          the API key of that core, if it has one
 * @param prewarm             start one instance of each function (and wait for its init) before reporting
 *                            ready, so the first calls are warm; cold starts are logged either way
 */
public record LocalCloudOptions(
        Path repoRoot,
        int webPort,
        int apiPort,
        int appsyncPort,
        int mailboxPort,
        int corePort,
        int dynamodbPort,
        Duration accessTokenValidity,
        Optional<URI> coreUri,
        Optional<String> coreApiKey,
        boolean prewarm) {

    public static final int DEFAULT_WEB_PORT = 3000;
    public static final int DEFAULT_API_PORT = 4000;
    public static final int DEFAULT_APPSYNC_PORT = 4001;
    public static final int DEFAULT_MAILBOX_PORT = 4002;
    public static final int DEFAULT_CORE_PORT = 3567;
    public static final int DEFAULT_DYNAMODB_PORT = 8000;
    /** Short enough to watch a token expire and refresh in the demo. */
    public static final Duration DEFAULT_ACCESS_TOKEN_VALIDITY = Duration.ofSeconds(60);

    public LocalCloudOptions {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(accessTokenValidity, "accessTokenValidity");
        Objects.requireNonNull(coreUri, "coreUri");
        Objects.requireNonNull(coreApiKey, "coreApiKey");
        checkPort("web", webPort);
        checkPort("api", apiPort);
        checkPort("appsync", appsyncPort);
        checkPort("mailbox", mailboxPort);
        checkPort("core", corePort);
        checkPort("dynamodb", dynamodbPort);
        if (accessTokenValidity.compareTo(Duration.ofSeconds(1)) < 0
                || accessTokenValidity.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("access token validity must be 1 second to 365 days, was "
                    + accessTokenValidity.toSeconds() + " s");
        }
        coreUri.ifPresent(uri -> {
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("core URI must be an absolute http(s) URL, was " + uri);
            }
        });
        repoRoot = repoRoot.toAbsolutePath().normalize();
    }

    private static void checkPort(String name, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(name + " port must be 0 to 65535, was " + port);
        }
    }

    public static Builder builder(Path repoRoot) {
        return new Builder(repoRoot);
    }

    /** Starts from the demo's defaults. */
    public static final class Builder {
        private final Path repoRoot;
        private int webPort = DEFAULT_WEB_PORT;
        private int apiPort = DEFAULT_API_PORT;
        private int appsyncPort = DEFAULT_APPSYNC_PORT;
        private int mailboxPort = DEFAULT_MAILBOX_PORT;
        private int corePort = DEFAULT_CORE_PORT;
        private int dynamodbPort = DEFAULT_DYNAMODB_PORT;
        private Duration accessTokenValidity = DEFAULT_ACCESS_TOKEN_VALIDITY;
        private Optional<URI> coreUri = Optional.empty();
        private Optional<String> coreApiKey = Optional.empty();
        private boolean prewarm = true;

        private Builder(Path repoRoot) {
            this.repoRoot = repoRoot;
        }

        /** Every port 0: what tests use. */
        public Builder ephemeralPorts() {
            webPort = apiPort = appsyncPort = mailboxPort = corePort = dynamodbPort = 0;
            return this;
        }

        public Builder webPort(int port) {
            webPort = port;
            return this;
        }

        public Builder apiPort(int port) {
            apiPort = port;
            return this;
        }

        public Builder appsyncPort(int port) {
            appsyncPort = port;
            return this;
        }

        public Builder mailboxPort(int port) {
            mailboxPort = port;
            return this;
        }

        public Builder corePort(int port) {
            corePort = port;
            return this;
        }

        public Builder dynamodbPort(int port) {
            dynamodbPort = port;
            return this;
        }

        public Builder accessTokenValidity(Duration validity) {
            accessTokenValidity = validity;
            return this;
        }

        public Builder coreUri(URI uri) {
            coreUri = Optional.ofNullable(uri);
            return this;
        }

        public Builder coreApiKey(String key) {
            coreApiKey = Optional.ofNullable(key).filter(k -> !k.isBlank());
            return this;
        }

        public Builder prewarm(boolean value) {
            prewarm = value;
            return this;
        }

        public LocalCloudOptions build() {
            return new LocalCloudOptions(
                    repoRoot,
                    webPort,
                    apiPort,
                    appsyncPort,
                    mailboxPort,
                    corePort,
                    dynamodbPort,
                    accessTokenValidity,
                    coreUri,
                    coreApiKey,
                    prewarm);
        }
    }
}
