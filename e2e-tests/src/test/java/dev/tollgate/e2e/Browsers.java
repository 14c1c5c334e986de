package dev.tollgate.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium sessions for one test, each with its own fresh profile (so its own cookie jar):
 * two of them are two different people. Uses the system Chromium and chromedriver by explicit path,
 * so Selenium Manager never downloads anything.
 */
public final class Browsers implements AutoCloseable {

    private static final List<String> FLAGS = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            // Two tabs must run their timers at full speed for the concurrent-refresh scenario.
            "--disable-background-timer-throttling",
            "--disable-renderer-backgrounding",
            "--disable-backgrounding-occluded-windows",
            "--window-size=1280,1000");

    /*
     * Selenium looks for CDP bindings matching the browser's version on every new session and warns
     * when the system Chromium is newer than the ones it ships. These tests speak WebDriver only and
     * never CDP, so the warning says nothing about them. A static field: JUL keeps loggers weakly.
     */
    private static final Logger CDP_VERSION_FINDER = quiet("org.openqa.selenium.devtools.CdpVersionFinder");

    private final E2eSettings settings;
    private final List<Opened> opened = new ArrayList<>();

    Browsers(E2eSettings settings) {
        this.settings = settings;
    }

    /** A new browser with an empty profile. */
    public ChromeDriver open() {
        Path profile;
        try {
            profile = Files.createTempDirectory("tollgate-e2e-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Chromium profile directory", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(settings.chromeBinary().toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(settings.chromedriver().toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        opened.add(new Opened(driver, profile));
        return driver;
    }

    List<ChromeDriver> drivers() {
        return opened.stream().map(Opened::driver).toList();
    }

    @Override
    public void close() {
        for (Opened o : opened) {
            try {
                o.driver().quit();
            } catch (RuntimeException e) {
                System.err.println("could not quit a browser: " + e.getMessage());
            }
            deleteQuietly(o.profile());
        }
        opened.clear();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static Logger quiet(String name) {
        Logger logger = Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    private record Opened(ChromeDriver driver, Path profile) {}
}
