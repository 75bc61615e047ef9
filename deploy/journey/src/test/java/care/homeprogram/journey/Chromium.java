package care.homeprogram.journey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real headless Chromium from the system (Debian packages {@code chromium} and {@code chromium-driver}), never a
 * downloaded one. When it is missing the journey fails and says how to install it: it is never silently skipped.
 */
final class Chromium {
    static final Path BROWSER = Path.of(System.getProperty("journey.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("journey.chromedriver", "/usr/bin/chromedriver"));
    static final String INSTALL = "sudo apt-get update && sudo apt-get install -y chromium chromium-driver";

    private static final List<ChromeDriver> OPEN = new ArrayList<>();

    private Chromium() {
    }

    /** A fresh browser (its own profile) with a window of the given size, e.g. 390×844 for a phone. */
    static synchronized ChromeDriver open(int width, int height) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("The browser journeys need Chromium and its driver (" + BROWSER + ", " + DRIVER
                    + "), and they are missing. Install them with: " + INSTALL);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--disable-extensions", "--lang=en-GB",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile());
        if (width < 500) {
            // A desktop window cannot be narrower than about 500 px: a phone is emulated, as DevTools does it.
            options.setExperimentalOption("mobileEmulation", java.util.Map.of("deviceMetrics",
                    java.util.Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        OPEN.add(driver);
        return driver;
    }

    static synchronized List<ChromeDriver> open() {
        return List.copyOf(OPEN);
    }

    static synchronized void quitAll() {
        for (ChromeDriver driver : OPEN) {
            try {
                driver.quit();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        OPEN.clear();
    }

    private static String profile() {
        try {
            return Files.createTempDirectory("journey-chromium-").toString();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("no temporary directory for the browser profile", e);
        }
    }
}
