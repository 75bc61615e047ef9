package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The therapist's patient page shows how often an open alert was reported and the steps it took while nobody
 * acknowledged it, in words, with plan-service's alerts coming from {@link PlanServiceStub}. The patient's record
 * is unavailable here, so times are shown in UTC.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
class AlertEscalationsTest {
    private static final String ESCALATED = "a0000000-0000-4000-8000-000000000001";
    private static final String OLD_SHAPE = "a0000000-0000-4000-8000-000000000002";

    @TestHTTPResource("/")
    URL portal;

    @Test
    void repeatsAndEscalationStepsAreShownInWords() throws Exception {
        PlanServiceStub.alerts = """
                {"items":[
                  {"id":"%s","patientId":"%s","planId":null,"itemId":null,"severity":"CRITICAL",
                   "reasonCode":"SADDLE_NUMBNESS","reason":"Saddle numbness <reported>","status":"OPEN",
                   "acknowledgedBy":null,"acknowledgedAt":null,"createdAt":"2026-11-30T14:00:00Z",
                   "occurrences":3,"lastSeenAt":"2026-11-30T14:05:00Z",
                   "escalations":[{"step":"CARE_TEAM","at":"2026-11-30T14:15:00Z"},
                                  {"step":"ESCALATION_CONTACT","at":"2026-11-30T14:30:00Z"}]},
                  {"id":"%s","patientId":"%s","planId":null,"itemId":null,"severity":"HIGH",
                   "reasonCode":"PAIN_RED","reason":"Pain in the red band","status":"OPEN",
                   "acknowledgedBy":null,"acknowledgedAt":null,"createdAt":"2026-11-29T09:00:00Z"}
                ],"total":2}
                """.formatted(ESCALATED, PAT, OLD_SHAPE, PAT);
        Browser tara = new Browser();
        tara.signIn(uri("/"), "tara");

        HttpResponse<String> page = tara.get(uri("/patients/" + PAT));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Saddle numbness &lt;reported&gt;")
                .contains("raised 30 Nov 2026, 14:00")
                .contains("Reported 3 times, last at 30 Nov 2026, 14:05")
                .contains("<li>Care team re-notified at 30 Nov 2026, 14:15 (not acknowledged within 15 minutes)</li>")
                .contains("<li>Escalation contact told at 30 Nov 2026, 14:30 (not acknowledged within 30 minutes)</li>")
                .contains("aria-labelledby=\"escalations-" + ESCALATED + "\"")
                // An alert in plan-service's older shape (no occurrences, no escalations) still shows, without them.
                .contains("Pain in the red band")
                .contains("raised 29 Nov 2026, 09:00")
                .doesNotContain("escalations-" + OLD_SHAPE)
                .doesNotContain("Reported 1 times")
                .doesNotContain("<reported>");
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
