package care.homeprogram.journey;

import static care.homeprogram.testing.DemoUsers.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.journey.OtlpReceiver.Kind;
import care.homeprogram.journey.OtlpReceiver.ReceivedSpan;
import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * One click is one trace (docs/architecture.md, "Tracing"): sam logs a session with sharp pain in the portal, and
 * the spans the services export to an OTLP receiver of the test (a real OTLP/HTTP peer, {@link OtlpReceiver}) form a
 * single trace from the portal's form post through plan-service (its request, its queries, the outbox row published
 * to Kafka, however long the row waited) to notification-service's consumer; plan-service's audit trail records the
 * request under that trace's id.
 */
@ExtendWith(ScreenshotsOnFailure.class)
class TraceJourneyTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private final Platform platform = RunningPlatform.get();
    private final OtlpReceiver spans = RunningPlatform.spans();

    @AfterEach
    void closeBrowsers() {
        Chromium.quitAll();
    }

    @Test
    void samsSharpPainFromThePortalIsOneTraceFromTheFormPostToNotificationServicesConsumer() {
        String planId = JourneyPlans.assignAcute(platform, "tara", SAM);
        String plans = platform.url(Service.PLANS);
        List<String> itemIds = given().baseUri(plans).auth().oauth2(Tokens.accessToken("sam"))
                .get("/api/plans/" + planId).then().statusCode(200).extract().path("items.id");

        PortalBrowser sam = new PortalBrowser(PortalBrowser.portalUrl(), 390, 844).signIn("sam");
        sam.open("/today");
        WebElement tilt = itemIds.stream()
                .map(id -> sam.driver.findElements(By.xpath("//li[@id='item-" + id + "'][h2[normalize-space()="
                        + "'Pelvic tilt']]")))
                .filter(found -> !found.isEmpty()).map(found -> found.get(0)).findFirst()
                .orElseThrow(() -> new AssertionError("Pelvic tilt of plan " + planId + " is not on sam's Today"));
        long clicked = System.currentTimeMillis() * 1_000_000L;
        tilt.findElement(By.xpath(".//summary[normalize-space()='Log this session']")).click();
        WebElement sharp = tilt.findElement(By.cssSelector("input[name=symptoms][value=SHARP_PAIN]"));
        sam.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", sharp);
        sharp.click();
        sam.submit(By.xpath("//li[@id='" + tilt.getAttribute("id") + "']//button[normalize-space()='Log session']"));
        assertThat(sam.heading()).isEqualTo("Stop: Pelvic tilt is paused");

        // The portal's span of the form post begins the trace: no browser sends a traceparent.
        ReceivedSpan formPost = await().atMost(PATIENCE).pollInterval(200, TimeUnit.MILLISECONDS)
                .until(() -> spans.spans().stream()
                        .filter(span -> span.service().equals("portal") && span.kind() == Kind.SERVER
                                && span.startNanos() >= clicked && "POST".equals(method(span))
                                && "/today/sessions".equals(span.attribute("http.route")))
                        .findFirst().orElse(null), Objects::nonNull);
        assertThat(formPost.parentSpanId()).as("the form post begins the trace").isNull();
        String traceId = formPost.traceId();

        // notification-service's consumer of plan-events, in the same trace (the session, the paused item and the
        // alert are each an event of this click).
        ReceivedSpan consumer = await().atMost(PATIENCE).pollInterval(200, TimeUnit.MILLISECONDS)
                .until(() -> first(spans.trace(traceId), span -> span.service().equals("notification-service")
                        && span.kind() == Kind.CONSUMER
                        && span.name().equals("notification-service.plan-events process")), Objects::nonNull);

        // Its ancestry, span by span, leads back to the portal's form post: portal → plan-service → Kafka → consumer.
        // Each service exports in its own batches, so a parent may arrive after its child: wait for the whole chain.
        await().atMost(PATIENCE).pollInterval(200, TimeUnit.MILLISECONDS).untilAsserted(() -> {
            List<ReceivedSpan> chain = OtlpReceiver.ancestry(spans.trace(traceId), consumer);
            assertThat(chain.getLast()).as("the consumer's root span, from %s", describe(chain)).isEqualTo(formPost);
        });
        List<ReceivedSpan> trace = spans.trace(traceId);
        List<ReceivedSpan> ancestry = OtlpReceiver.ancestry(trace, consumer);
        List<String> path = ancestry.reversed().stream().map(span -> span.service() + ":" + span.kind()).toList();
        assertThat(path).as("the path of the click").containsSubsequence("portal:SERVER", "portal:CLIENT",
                "plan-service:SERVER", "plan-service:PRODUCER", "notification-service:CONSUMER");

        // Spans for what happened inside: plan-service's database queries and the Kafka publishing and receiving.
        assertThat(trace).as("plan-service's queries (JDBC)").anyMatch(span -> span.service().equals("plan-service")
                && span.kind() == Kind.CLIENT && span.attributes().keySet().stream().anyMatch(k -> k.startsWith("db.")));
        await().atMost(PATIENCE).pollInterval(200, TimeUnit.MILLISECONDS).untilAsserted(() -> assertThat(
                spans.trace(traceId)).as("notification-service's queries (JDBC) inside its consumer's span")
                .anyMatch(span -> span.service().equals("notification-service") && span.kind() == Kind.CLIENT
                        && span.attributes().keySet().stream().anyMatch(k -> k.startsWith("db."))
                        && OtlpReceiver.ancestry(spans.trace(traceId), span).stream()
                                .anyMatch(ancestor -> ancestor.kind() == Kind.CONSUMER)));

        // The trace id is the audit correlation id: plan-service recorded sam's request under it.
        List<String> audited = given().baseUri(plans).auth().oauth2(Tokens.accessToken("ada"))
                .queryParam("correlationId", traceId).get("/api/plans/audit").then().statusCode(200).extract()
                .path("items.resource");
        assertThat(audited).as("plan-service's audit records with correlation id %s", traceId)
                .contains("/api/plans/{id}/sessions");
    }

    private static String method(ReceivedSpan span) {
        String method = span.attribute("http.request.method");
        return method != null ? method : span.attribute("http.method");
    }

    private static ReceivedSpan first(List<ReceivedSpan> spans, Predicate<ReceivedSpan> matching) {
        return spans.stream().filter(matching).findFirst().orElse(null);
    }

    private static String describe(List<ReceivedSpan> chain) {
        return chain.stream().map(span -> span.service() + " " + span.kind() + " " + span.name()).toList().toString();
    }
}
