package care.homeprogram.portal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.homeprogram.portal.rest.ErrorPages;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A person who leaves before their page is made (their browser or a benchmark gave up mid-request) takes the request's
 * context with them: the page's calls still under way find the token gone, and the error page finds no signed-in
 * person to show. Neither is a failure of a service or of the portal.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
class PersonLeftTest {

    @Test
    void callsWhosePersonLeftAreNotRetriedAndNeverOpenTheBreaker() {
        ServiceCalls calls = new ServiceCalls("person-left-test");
        AtomicInteger made = new AtomicInteger();
        Supplier<String> left = () -> {
            made.incrementAndGet();
            throw new ContextNotActiveException("RequestScoped context was not active");
        };

        // twice the breaker's window, all "failed" this way
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> calls.read(left)).isInstanceOf(ContextNotActiveException.class);
        }

        assertThat(made).as("each call made once: not retried, and the breaker never refused one").hasValue(20);
        assertThat(calls.read(() -> "answered")).isEqualTo("answered");
    }

    @Test
    void anErrorPageWithoutItsRequestIsAnsweredPlainlyInsteadOfFailingAgain() {
        ErrorPages pages = new ErrorPages();
        // a thread of its own: no request context, as after the person left
        Response failure = CompletableFuture.supplyAsync(() -> {
            assertThat(Arc.container().requestContext().isActive()).isFalse();
            return pages.unexpected(new IllegalStateException("the page failed"));
        }, runnable -> new Thread(runnable).start()).join();
        Response ended = CompletableFuture.supplyAsync(
                () -> pages.requestEnded(new ContextNotActiveException("RequestScoped context was not active")),
                runnable -> new Thread(runnable).start()).join();

        assertThat(failure.getStatus()).isEqualTo(500);
        assertThat(failure.getMediaType().toString()).startsWith("text/plain");
        assertThat(failure.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(ended.getStatus()).isEqualTo(503);
        assertThat(String.valueOf(ended.getEntity())).doesNotContain("Exception");
    }
}
