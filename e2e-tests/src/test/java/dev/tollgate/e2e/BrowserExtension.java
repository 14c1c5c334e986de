package dev.tollgate.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Gives each test a {@link Browsers}; when the test fails, saves a screenshot, the page source and
 * the browser console of every window of every browser under {@code target/e2e-artifacts/}; then
 * quits the browsers.
 */
public final class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browsers.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        Browsers.class, k -> new Browsers(StackExtension.settings(context)), Browsers.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        Browsers browsers = context.getStore(NAMESPACE).get(Browsers.class, Browsers.class);
        if (browsers == null || context.getExecutionException().isEmpty()) {
            return;
        }
        Path dir = StackExtension.settings(context)
                .artifactsDir()
                .resolve(context.getRequiredTestClass().getSimpleName())
                .resolve(context.getRequiredTestMethod().getName());
        List<ChromeDriver> drivers = browsers.drivers();
        for (int b = 0; b < drivers.size(); b++) {
            saveArtifacts(drivers.get(b), dir, "browser" + (b + 1));
        }
        System.err.println("e2e artifacts of the failed test: " + dir);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browsers browsers = context.getStore(NAMESPACE).remove(Browsers.class, Browsers.class);
        if (browsers != null) {
            browsers.close();
        }
    }

    private static void saveArtifacts(ChromeDriver driver, Path dir, String prefix) {
        try {
            Files.createDirectories(dir);
            int w = 0;
            for (String handle : driver.getWindowHandles()) {
                w++;
                driver.switchTo().window(handle);
                String name = prefix + "-window" + w;
                Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(
                        dir.resolve(name + ".html"),
                        "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
                        StandardCharsets.UTF_8);
            }
            // The console log belongs to the browser, not to a window.
            String console = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .map(BrowserExtension::line)
                    .collect(Collectors.joining("\n"));
            Files.writeString(dir.resolve(prefix + "-console.log"), console + "\n", StandardCharsets.UTF_8);
        } catch (IOException | WebDriverException e) {
            System.err.println("could not save e2e artifacts for " + prefix + ": " + e.getMessage());
        }
    }

    private static String line(LogEntry entry) {
        return Instant.ofEpochMilli(entry.getTimestamp()) + " " + entry.getLevel() + " " + entry.getMessage();
    }
}
