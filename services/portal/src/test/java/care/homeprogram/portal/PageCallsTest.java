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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A page's calls run at once on threads of their own (service.PageCalls) and still go out as the page's request: with
 * the signed-in person's access token, and in the click's trace, so that the services' records and logs carry the
 * trace id the portal started or was given.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
class PageCallsTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @TestHTTPResource("/")
    URL portal;

    @Test
    void todaysCallsGoOutAsThePatientAndInTheClicksTrace() throws Exception {
        Browser pat = new Browser();
        pat.signIn(URI.create(portal.toString()), "pat");
        PlanServiceStub.lastDayCall = null;

        HttpResponse<String> page = pat.get(URI.create(portal.toString()).resolve("/today"),
                Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(PlanServiceStub.lastDayCall).as("who asked plan-service for the day, and in which trace")
                .startsWith(DemoUsers.PAT + " 00-" + TRACE_ID + "-");
    }
}
