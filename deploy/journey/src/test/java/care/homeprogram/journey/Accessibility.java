package care.homeprogram.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * axe-core's WCAG 2.1 A/AA rules on the page a browser shows, at a desktop width (1280 px) and a phone width
 * (360 px, emulated through DevTools as a phone is): a serious or critical violation fails the journey, with the
 * rules and the elements named.
 */
final class Accessibility {
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final List<String> FAILING = List.of("serious", "critical");
    private static final int[] WIDTHS = { 1280, 360 };
    /** The pages checked in this JVM: several journeys visit the same page, and once is enough (journey time). */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();

    private Accessibility() {
    }

    /**
     * Checks the current page at both widths unless a page of this name was already checked in this run; name a page
     * by what it is ("the plan builder"), not by its address, which holds ids.
     */
    static void assertNoSeriousViolationsOnce(PortalBrowser browser, String page) {
        if (CHECKED.add(page)) {
            assertNoSeriousViolations(browser);
        }
    }

    /** Checks the current page at 1280 px and at 360 px, then restores the browser's own size. */
    static void assertNoSeriousViolations(PortalBrowser browser) {
        // Both widths are checked before failing, so that one run names everything to fix.
        List<String> found = new ArrayList<>();
        for (int width : WIDTHS) {
            emulate(browser, width, 800);
            try {
                Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver);
                List<Rule> failing = results.getViolations().stream()
                        .filter(rule -> FAILING.contains(rule.getImpact())).toList();
                if (!failing.isEmpty()) {
                    found.add(width + " px: " + describe(failing));
                }
            } finally {
                restore(browser);
            }
        }
        assertThat(found).as("axe-core serious/critical violations on %s", browser.path()).isEmpty();
    }

    private static void emulate(PortalBrowser browser, int width, int height) {
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                "height", height, "deviceScaleFactor", 1, "mobile", width < 500));
    }

    /** A phone-sized browser goes back to its phone emulation (as Chromium opened it), a desktop one to its window. */
    private static void restore(PortalBrowser browser) {
        browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        if (browser.width < 500) {
            browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", browser.width,
                    "height", browser.height, "deviceScaleFactor", 2, "mobile", true));
        }
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
