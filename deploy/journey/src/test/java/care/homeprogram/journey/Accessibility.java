package care.homeprogram.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * axe-core's WCAG 2.1 A/AA rules on the page a browser shows, at a desktop width (1280 px) and a phone width
 * (360 px, emulated through DevTools as a phone is): a serious or critical violation fails the journey, with the
 * rules and the elements named.
 */
final class Accessibility {
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final List<String> FAILING = List.of("serious", "critical");

    private Accessibility() {
    }

    /** Checks the current page at 1280 px and at 360 px, then restores the browser's own size. */
    static void assertNoSeriousViolations(PortalBrowser browser) {
        for (int width : new int[] { 1280, 360 }) {
            browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width,
                    "height", 800, "deviceScaleFactor", 1, "mobile", width < 500));
            try {
                Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser.driver);
                List<Rule> failing = results.getViolations().stream()
                        .filter(rule -> FAILING.contains(rule.getImpact())).toList();
                assertThat(failing).as("axe-core serious/critical violations on %s at %d px: %s", browser.path(),
                        width, describe(failing)).isEmpty();
            } finally {
                browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            }
        }
    }

    private static String describe(List<Rule> rules) {
        return rules.stream().map(rule -> rule.getId() + " (" + rule.getImpact() + "): "
                + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).limit(5)
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
