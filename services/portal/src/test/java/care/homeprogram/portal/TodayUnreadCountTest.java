package care.homeprogram.portal;

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
 * The Today page's inbox button says how many messages the patient has not read, as notification-service counts
 * them (all of them: before, only the unread among the inbox's first 50 messages were counted), and nothing when
 * there are none. notification-service is the stand-in of {@link PushServicesStub}.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PushServicesStub.class, restrictToAnnotatedClass = true)
class TodayUnreadCountTest {

    @TestHTTPResource("/")
    URL portal;

    @Test
    void theInboxButtonCountsEveryUnreadMessage() throws Exception {
        Browser pat = new Browser();
        PushServicesStub.patUnread = 73;
        HttpResponse<String> page = pat.signIn(uri("/today"), "pat");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/inbox\">Inbox (73 new)</a>")
                .doesNotContain("Messages are delayed right now.");

        PushServicesStub.patUnread = 0;
        assertThat(pat.get(uri("/today")).body()).contains("href=\"/inbox\">Inbox</a>").doesNotContain(" new)");
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
