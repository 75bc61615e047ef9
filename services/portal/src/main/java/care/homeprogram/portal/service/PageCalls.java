package care.homeprogram.portal.service;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext.ContextState;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Starts a page's service calls at once, so the page waits for its slowest call instead of the sum of all of them.
 * Each call still goes through the client wrappers (and so through {@code ServiceCalls}: timeout, retry, circuit
 * breaker, "temporarily unavailable"). A call's failure comes back unchanged from {@link Pending#get()}, where the page
 * asks for the value, so a page handles it as it did when calls ran one by one.
 *
 * <p>Each call runs on a virtual thread of its own and takes exactly two things of the page's request with it: the
 * CDI request context (through which {@code AccessTokenFilter} finds the signed-in person's access token and
 * {@code ReaderLanguageFilter} the page's language) and the trace, which the REST client forwards ({@code traceparent}).
 * The request context is the request's own, not a copy: when the person has left and the request ended, it is no
 * longer valid and a call still to be made fails with {@code ContextNotActiveException}, as {@code ServiceCalls}
 * expects. This replaced the MicroProfile {@code ManagedExecutor}, which captured and restored every context provider
 * for every call (docs/deploy.md, "Where the portal pages' time goes").
 */
@ApplicationScoped
public class PageCalls {
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("page-call-", 0).factory());

    /** The call, started now. */
    public <T> Pending<T> start(Supplier<T> call) {
        ContextState request = Arc.container().requestContext().getStateIfActive();
        Context trace = Context.current();
        return new Pending<>(CompletableFuture.supplyAsync(() -> inPageContext(request, trace, call), threads));
    }

    /** The call with the page's request context (if it had one) and trace, both left as they were afterwards. */
    private static <T> T inPageContext(ContextState request, Context trace, Supplier<T> call) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (request != null) {
            requestContext.activate(request);
        }
        try (Scope ignored = trace.makeCurrent()) {
            return call.get();
        } finally {
            if (request != null) {
                requestContext.deactivate();
            }
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }

    /** A call under way. */
    public static final class Pending<T> {
        private final CompletableFuture<T> call;

        private Pending(CompletableFuture<T> call) {
            this.call = call;
        }

        /** Its value once it has answered; its failure (a refusal, "unavailable") rethrown as the call threw it. */
        public T get() {
            try {
                return call.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                call.cancel(true);
                throw new IllegalStateException("interrupted while waiting for a service", e);
            } catch (ExecutionException | CompletionException e) {
                Throwable failure = e.getCause();
                if (failure instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (failure instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(failure);
            }
        }
    }
}
