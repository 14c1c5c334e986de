package dev.tollgate.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** Takes the screenshot of the demo that the README shows: signed in, after real API calls. */
@E2eTest
class DemoScreenshotIT {

    @Test
    void screenshotOfTheSignedInDemoAfterAnApiCall(Stack stack, E2eSettings settings, Browsers browsers)
            throws IOException {
        ChromeDriver driver = browsers.open();
        driver.manage().window().setSize(new Dimension(1280, 1500));
        Users user = Users.fresh("demo");
        DemoPage page = new DemoPage(driver, stack)
                .open()
                .signUp(user.email(), user.password())
                .waitSignedIn();
        assertThat(page.callApi()).isEqualTo("200");
        page.addNote("Bought milk").addNote("Ship the authorizer");
        assertThat(page.callApi()).isEqualTo("200");
        assertThat(page.meMatchesSdkUser()).isTrue();
        assertThat(page.callVerified()).isEqualTo("403");
        assertThat(page.claimErrorIds()).contains("st-ev");
        page.js("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()");

        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Path target = settings.screenshotFile();
        Files.createDirectories(target.getParent());
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(target)).isGreaterThan(10_000);
    }
}
