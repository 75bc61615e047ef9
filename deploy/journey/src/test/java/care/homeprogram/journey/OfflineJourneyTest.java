package care.homeprogram.journey;

import static care.homeprogram.testing.DemoUsers.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The portal installed on a phone (docs/portal.md, "Offline"), in real headless Chromium with DevTools' network
 * emulation: sam loads Today online (the service worker keeps it), goes offline and still sees his program with the
 * offline banner, logs a session that waits on the phone, comes back online twice, and plan-service has the session
 * exactly once.
 */
@ExtendWith(ScreenshotsOnFailure.class)
class OfflineJourneyTest {
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    private final Platform platform = RunningPlatform.get();
    private final String portal = PortalBrowser.portalUrl();

    @AfterEach
    void closeBrowsers() {
        Chromium.quitAll();
    }

    private static void network(PortalBrowser browser, boolean offline) {
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        browser.driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline,
                "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    private static boolean todayIsKept(PortalBrowser browser) {
        Object kept = browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "caches.open('homeprogram-offline-v1').then(function (c) { return c.match('/today'); })"
                + ".then(function (r) { done(!!r); }, function () { done(false); });");
        return Boolean.TRUE.equals(kept);
    }

    @Test
    void samLogsASessionOfflineAndItIsStoredOnceWhenHeIsBackOnline() {
        String planId = JourneyPlans.assignAcute(platform, "tara", SAM);
        String plans = platform.url(Service.PLANS);
        String samToken = Tokens.accessToken("sam");

        PortalBrowser sam = new PortalBrowser(portal, PHONE_WIDTH, PHONE_HEIGHT).signIn("sam");
        assertThat(sam.path()).isEqualTo("/today");
        // The worker takes control, then Today is loaded once more under it and kept for offline use.
        sam.waitFor(d -> Boolean.TRUE.equals(sam.driver.executeScript(
                "return !!(navigator.serviceWorker && navigator.serviceWorker.controller)")));
        sam.open("/today");
        sam.waitFor(d -> todayIsKept(sam));
        assertThat(sam.driver.findElement(By.id("offline-banner")).isDisplayed()).isFalse();

        network(sam, true);
        sam.open("/today");
        WebElement banner = sam.find(By.id("offline-banner"));
        assertThat(banner.getText()).contains("Offline — showing your program as of");
        assertThat(sam.heading()).isEqualTo("Today");
        WebElement item = sam.find(By.xpath("(//li[contains(@class,'due')][.//form[contains(@class,'session-form')]])[1]"));
        String itemName = item.findElement(By.tagName("h2")).getText();

        item.findElement(By.xpath(".//summary[normalize-space()='Log this session']")).click();
        sam.slide(item.findElement(By.name("painBefore")), 2);
        sam.slide(item.findElement(By.name("painAfter")), 2);
        WebElement log = item.findElement(By.xpath(".//button[normalize-space()='Log session']"));
        sam.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", log);
        log.click();

        WebElement waiting = sam.find(By.id("waiting-logs"));
        sam.waitFor(d -> waiting.getText().contains("waiting to be sent"));
        assertThat(waiting.getText()).contains("Waiting to be sent").contains(itemName);
        assertThat(item.findElement(By.className("offline-outcome")).getText())
                .contains("Kept on this phone").contains("green band");
        assertThat(sessions(plans, samToken, planId)).isEmpty();

        // Back online: sent once, and plan-service's decision replaces the phone's.
        network(sam, false);
        sam.waitFor(d -> sam.find(By.id("waiting-logs")).getText().contains("sent. Continue"));
        assertThat(sam.find(By.id("waiting-logs")).getText()).doesNotContain("waiting to be sent");
        // A second reconnect (and a fresh page, which sends what waits) sends nothing again.
        network(sam, true);
        network(sam, false);
        sam.open("/today");
        sam.waitFor(d -> !d.findElement(By.id("offline-banner")).isDisplayed()
                && d.findElement(By.tagName("h1")).getText().equals("Today"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(sessions(plans, samToken, planId)).hasSize(1));
        assertThat(sam.driver.findElements(By.cssSelector("#waiting-logs li.waiting-log--waiting"))).isEmpty();
    }

    private static List<Object> sessions(String plans, String token, String planId) {
        return given().baseUri(plans).auth().oauth2(token).get("/api/plans/" + planId + "/sessions").then()
                .statusCode(200).extract().path("items");
    }
}
