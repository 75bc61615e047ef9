package care.homeprogram.portal.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;

/**
 * Starts a page's service calls at once, so the page waits for its slowest call instead of the sum of all of them.
 * Each call still goes through the client wrappers (and so through {@code ServiceCalls}: timeout, retry, circuit
 * breaker, "temporarily unavailable"). The calls run on the managed executor, which carries the request's contexts to
 * the thread that makes the call: the CDI request context, through which {@code AccessTokenFilter} finds the signed-in
 * person's access token, and the trace, which the REST client forwards. A call's failure comes back unchanged from
 * {@link Pending#get()}, where the page asks for the value, so a page handles it as it did when calls ran one by one.
 */
@ApplicationScoped
public class PageCalls {
    private final ManagedExecutor executor;

    public PageCalls(ManagedExecutor executor) {
        this.executor = executor;
    }

    /** The call, started now. */
    public <T> Pending<T> start(Supplier<T> call) {
        return new Pending<>(executor.supplyAsync(call));
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
