package dev.tollgate.e2e;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * What the end-to-end tests run against and with, read once from system properties (Failsafe
 * passes them from the POM; override any with {@code -De2e.xxx=...}).
 *
 * @param repoRoot                 the repository root (the local cloud finds its jars and the site there)
 * @param artifactsDir             where screenshots and console logs of failed tests go
 * @param external                 an already-running stack, or empty to start the local cloud
 * @param chromeBinary             the system Chromium
 * @param chromedriver             the system chromedriver (never downloaded)
 * @param accessTokenValidity      access-token lifetime the local cloud is started with
 * @param screenshotFile           where the README's screenshot of the demo is written
 */
public record E2eSettings(
        Path repoRoot,
        Path artifactsDir,
        Optional<ExternalUrls> external,
        Path chromeBinary,
        Path chromedriver,
        Duration accessTokenValidity,
        Path screenshotFile) {

    /** URLs of a stack started elsewhere (LocalStack, AWS, or {@code ./tollgate-local}). */
    public record ExternalUrls(URI web, URI api, URI mailbox) {}

    public static E2eSettings fromSystemProperties() {
        return from(System.getProperties());
    }

    static E2eSettings from(Properties p) {
        Path repoRoot =
                Path.of(text(p, "e2e.repoRoot").orElse("..")).toAbsolutePath().normalize();
        Path artifacts = text(p, "e2e.artifactsDir")
                .map(Path::of)
                .orElse(repoRoot.resolve("e2e-tests/target/e2e-artifacts"))
                .toAbsolutePath();
        Optional<URI> web = url(p, "e2e.webUrl");
        Optional<URI> api = url(p, "e2e.apiUrl");
        Optional<URI> mailbox = url(p, "e2e.mailboxUrl");
        Optional<ExternalUrls> external = Optional.empty();
        if (web.isPresent() || api.isPresent() || mailbox.isPresent()) {
            if (web.isEmpty() || api.isEmpty()) {
                throw new IllegalArgumentException(
                        "e2e.webUrl and e2e.apiUrl (the stage URL, e.g. http://localhost:4000/dev) must be given together"
                                + " to test a running stack (e2e.mailboxUrl too for the email-verification scenario)");
            }
            external = Optional.of(new ExternalUrls(web.get(), api.get(), mailbox.orElse(null)));
        }
        Path chrome = executable(p, "e2e.chromeBinary", "/usr/bin/chromium");
        Path driver = executable(p, "e2e.chromedriver", "/usr/bin/chromedriver");
        String validity = text(p, "e2e.accessTokenValiditySeconds").orElse("6");
        long seconds;
        try {
            seconds = Long.parseLong(validity);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "e2e.accessTokenValiditySeconds must be a whole number of seconds, got: " + validity);
        }
        if (seconds < 2 || seconds > 3600) {
            throw new IllegalArgumentException(
                    "e2e.accessTokenValiditySeconds must be between 2 and 3600, got: " + seconds);
        }
        Path screenshot = text(p, "e2e.screenshotFile")
                .map(Path::of)
                .orElse(repoRoot.resolve("e2e-tests/target/e2e-artifacts/demo.png"))
                .toAbsolutePath();
        return new E2eSettings(repoRoot, artifacts, external, chrome, driver, Duration.ofSeconds(seconds), screenshot);
    }

    private static Optional<String> text(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Optional<URI> url(Properties p, String key) {
        return text(p, key).map(value -> {
            try {
                URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new IllegalArgumentException(key + " must be an http(s) URL, got: " + value);
                }
                return uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(key + " is not a URL: " + value, e);
            }
        });
    }

    private static Path executable(Properties p, String key, String fallback) {
        Path path = Path.of(text(p, key).orElse(fallback));
        if (!Files.isExecutable(path)) {
            throw new IllegalArgumentException(key + " = " + path + " is not an executable file"
                    + " (install chromium and chromium-driver, or point " + key + " at them)");
        }
        return path;
    }
}
