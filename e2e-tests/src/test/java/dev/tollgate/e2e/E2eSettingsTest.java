package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class E2eSettingsTest {

    @TempDir
    Path dir;

    private Properties p;

    @BeforeEach
    void executables() throws IOException {
        p = new Properties();
        p.setProperty("e2e.repoRoot", dir.toString());
        p.setProperty("e2e.chromeBinary", executable("chromium").toString());
        p.setProperty("e2e.chromedriver", executable("chromedriver").toString());
    }

    @Test
    void defaultsStartTheLocalCloudWithAShortTokenLifetime() {
        E2eSettings s = E2eSettings.from(p);

        assertThat(s.external()).isEmpty();
        assertThat(s.accessTokenValidity()).isEqualTo(Duration.ofSeconds(6));
        assertThat(s.screenshotFile()).isEqualTo(dir.resolve("e2e-tests/target/e2e-artifacts/demo.png"));
        assertThat(s.artifactsDir()).isEqualTo(dir.resolve("e2e-tests/target/e2e-artifacts"));
    }

    @Test
    void externalStackNeedsWebAndApiUrls() {
        p.setProperty("e2e.webUrl", "http://localhost:5173/");
        p.setProperty("e2e.apiUrl", "http://localhost:4000/dev");

        E2eSettings s = E2eSettings.from(p);

        assertThat(s.external()).hasValueSatisfying(u -> {
            assertThat(u.web()).hasToString("http://localhost:5173");
            assertThat(u.api()).hasToString("http://localhost:4000/dev");
            assertThat(u.mailbox()).isNull();
        });
    }

    @Test
    void webUrlAloneIsRejected() {
        p.setProperty("e2e.webUrl", "http://localhost:5173");

        assertThatThrownBy(() -> E2eSettings.from(p)).hasMessageContaining("e2e.apiUrl");
    }

    @Test
    void nonHttpUrlIsRejected() {
        p.setProperty("e2e.webUrl", "file:///etc/passwd");
        p.setProperty("e2e.apiUrl", "http://localhost:4000/dev");

        assertThatThrownBy(() -> E2eSettings.from(p)).hasMessageContaining("e2e.webUrl must be an http(s) URL");
    }

    @Test
    void missingBrowserIsNamed() {
        p.setProperty("e2e.chromeBinary", dir.resolve("nope").toString());

        assertThatThrownBy(() -> E2eSettings.from(p))
                .hasMessageContaining("e2e.chromeBinary")
                .hasMessageContaining("not an executable");
    }

    @Test
    void tokenValidityMustBeAReasonableNumber() {
        p.setProperty("e2e.accessTokenValiditySeconds", "soon");
        assertThatThrownBy(() -> E2eSettings.from(p)).hasMessageContaining("whole number");
        p.setProperty("e2e.accessTokenValiditySeconds", "1");
        assertThatThrownBy(() -> E2eSettings.from(p)).hasMessageContaining("between 2 and 3600");
    }

    private Path executable(String name) throws IOException {
        Path file = Files.createFile(dir.resolve(name));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
