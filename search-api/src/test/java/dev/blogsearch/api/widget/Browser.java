package dev.blogsearch.api.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: nothing is downloaded. Where the packages are
 * missing, tests using it are skipped with a message saying how to install them, or fail when
 * {@code BLOGSEARCH_REQUIRE_BROWSER=true} (as in CI, where a skipped browser test would hide a broken widget).
 */
final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where each test leaves a screenshot of what the reader saw; kept as a build artifact. */
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private Browser() {}

    /** A new headless browser, or the test is skipped (or failed, when a browser is required). */
    static ChromeDriver start() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "No browser for the widget's browser tests (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install it with `apt-get install chromium chromium-driver`";
            if ("true".equalsIgnoreCase(System.getenv("BLOGSEARCH_REQUIRE_BROWSER"))) {
                Assertions.fail(message + " (BLOGSEARCH_REQUIRE_BROWSER=true)");
            }
            Assumptions.abort(message);
        }
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--window-size=1000,900",
                "--lang=zh-CN",
                "--disable-gpu");
        ChromeDriver driver = new ChromeDriver(options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** Switches {@code prefers-color-scheme} for the pages of this browser. */
    static void colorScheme(ChromeDriver driver, String scheme) {
        driver.executeCdpCommand(
                "Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
    }

    /** Shows pages on a phone's screen of this many CSS pixels until {@link #desktop}. */
    static void phone(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 2, "mobile", true));
    }

    /** Back to the window's own size after {@link #phone}. */
    static void desktop(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    static void screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
