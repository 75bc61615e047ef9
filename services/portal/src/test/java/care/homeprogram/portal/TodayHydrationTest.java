package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.DemoUsers;
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
 * The patient's Today shows the daily drink target their therapist set on a plan (plan-service's
 * {@code hydrationTargetLitres}), and nothing about drinking for a plan without one or on hold.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
class TodayHydrationTest {
    private static final String WITH_TARGET = "b0000000-0000-4000-8000-000000000001";
    private static final String WITHOUT = "b0000000-0000-4000-8000-000000000002";
    private static final String ON_HOLD = "b0000000-0000-4000-8000-000000000003";

    @TestHTTPResource("/")
    URL portal;

    private static String plan(String id, String status, String litres) {
        return """
                {"id":"%s","patientId":"%s","therapistId":"%s","status":"%s","version":2,
                 "startDate":"2026-11-30","createdAt":"2026-11-30T10:00:00Z","updatedAt":"2026-11-30T10:00:00Z",
                 "items":[],"today":{"date":"2026-12-02","timeZone":"Europe/Berlin","week":1,"items":[]},
                 "acute":true,"hydrationTargetLitres":%s}
                """.formatted(id, DemoUsers.PAT, DemoUsers.TARA, status, litres);
    }

    @Test
    void thePatientSeesTheTargetTheTherapistSetAndNoneWhereThereIsNone() throws Exception {
        PlanServiceStub.mine = "{\"items\":[" + plan(WITH_TARGET, "ACTIVE", "2.50") + ","
                + plan(WITHOUT, "ACTIVE", "null") + "," + plan(ON_HOLD, "ON_HOLD", "3") + "],\"total\":3}";
        Browser pat = new Browser();
        pat.signIn(URI.create(portal.toString()), "pat");

        HttpResponse<String> page = pat.get(URI.create(portal.toString()).resolve("/today"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"hydration-" + WITH_TARGET + "\"")
                .contains("about <strong>2.5 litres</strong> today")
                .doesNotContain("hydration-" + WITHOUT)
                // a plan on hold asks the patient to stop and wait for the therapist: no targets from it
                .doesNotContain("hydration-" + ON_HOLD)
                .contains("Your program is on hold.");
    }
}
