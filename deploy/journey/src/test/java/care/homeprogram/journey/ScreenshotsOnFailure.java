package care.homeprogram.journey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * When a browser journey fails, every open browser's screen and page source go to {@code target/screenshots/}
 * (before the browsers are closed), so the failure can be seen, not guessed.
 */
class ScreenshotsOnFailure implements AfterTestExecutionCallback {
    static final Path DIRECTORY = Path.of("target", "screenshots");

    @Override
    public void afterTestExecution(ExtensionContext context) throws IOException {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        Files.createDirectories(DIRECTORY);
        List<ChromeDriver> drivers = Chromium.open();
        for (int i = 0; i < drivers.size(); i++) {
            String name = context.getRequiredTestMethod().getName() + "-browser" + (i + 1);
            try {
                Path png = drivers.get(i).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(png, DIRECTORY.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
                Files.writeString(DIRECTORY.resolve(name + ".html"),
                        "<!-- " + drivers.get(i).getCurrentUrl() + " -->\n" + drivers.get(i).getPageSource());
                System.err.println("[journey] screenshot of the failure: " + DIRECTORY.resolve(name + ".png")
                        .toAbsolutePath());
            } catch (RuntimeException e) {
                System.err.println("[journey] no screenshot of browser " + (i + 1) + ": " + e.getMessage());
            }
        }
    }
}
