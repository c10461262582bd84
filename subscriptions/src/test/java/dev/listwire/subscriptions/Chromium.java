package dev.listwire.subscriptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through Debian's chromedriver by Selenium: no browser is downloaded.
 * Screenshots go to {@code target/screenshots/}.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Skips the calling test, saying why, where the browser is not installed. */
    static Chromium start() {
        Assumptions.assumeTrue(
                Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "Skipped: Debian's chromium and chromium-driver are not installed (/usr/bin/chromium, "
                        + "/usr/bin/chromedriver). Install them with 'apt-get install chromium chromium-driver'; .ci/run does.");
        // Viewports are set through chromedriver's own CDP command, which needs no selenium-devtools module
        // for this Chromium's version; without this line Selenium warns on every start that it has none.
        java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder")
                .setLevel(java.util.logging.Level.SEVERE);
        try {
            Path profile = Files.createTempDirectory("listwire-chromium-");
            ChromeOptions options = new ChromeOptions()
                    .setBinary(BROWSER.toFile())
                    .addArguments(
                            "--headless",
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-quic",
                            "--no-first-run",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--disable-dev-shm-usage",
                            "--hide-scrollbars",
                            "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Chromium(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Presses a button that submits a form and waits for the next page: a click returns before the browser
     * has navigated, and an element read too soon would belong to the old page.
     */
    void press(WebElement button) {
        button.click();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.stalenessOf(button));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** A viewport of this width, as a phone (touch, device pixels) or a desktop would have it. */
    void viewport(int width, int height, boolean phone) {
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", phone ? 2 : 1, "mobile", phone));
    }

    /** The whole page, as tall as it is, saved as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name, int width, boolean phone) {
        viewport(width, 300, phone); // measured in a short window, so the page is as tall as its content
        driver.executeScript("window.scrollTo(0, 0)");
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        viewport(width, Math.max(height.intValue(), 400), phone);
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.copy(
                    driver.getScreenshotAs(OutputType.FILE).toPath(),
                    file,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException ignored) {
            // A temporary profile left behind is harmless.
        }
    }
}
