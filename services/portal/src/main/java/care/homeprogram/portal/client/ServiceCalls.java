package care.homeprogram.portal.client;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ContextNotActiveException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

/**
 * The portal's one way of calling a service, configured here once for every call instead of per method:
 * <ul>
 * <li>one circuit breaker per service, named after it (10 calls, half of them failed: open for 10 s), shared by reads
 * and writes, so a service that is down is not called again and again while it recovers;</li>
 * <li>reads (GET) time out after {@code homeprogram.portal.calls.read-timeout} (8 s; the FHIR export
 * {@code export-timeout}, 20 s) and are retried once after 200 ms; the retry wraps the breaker, so each attempt counts
 * and an open breaker is not retried;</li>
 * <li>writes time out after {@code write-timeout} (30 s: account writes go through Keycloak's admin API) and are
 * <em>never</em> retried: a session or check-in sent twice would count twice, and a write that timed out may have
 * been done;</li>
 * <li>a refusal ({@link ServiceProblem}, a 4xx problem+json) passes through untouched: it is neither retried nor a
 * failure for the breaker, because the service answered;</li>
 * <li>a call made after its page's request ended (the person left before the page was made: their browser or a
 * benchmark gave up, so the request context holding their token is gone) passes through untouched too, as
 * {@link ContextNotActiveException}: nobody waits for it, and it says nothing about the service, so it is neither
 * retried nor a failure for the breaker (under load, people giving up would otherwise open it for everyone);</li>
 * <li>anything else (no connection, 5xx, timeout, open breaker) becomes {@link ServiceUnavailable} here, with its cause
 * logged and kept, and pages show it as "temporarily unavailable" ({@code Section} or the 503 error page).</li>
 * </ul>
 * The wrappers ({@link PlansClient}, {@link PatientsClient}, {@link NotificationsClient}) only say, per call, whether it
 * is a read or a write; {@code ClientCallsTest} checks that every read is a GET and every GET a read.
 */
final class ServiceCalls {
    private static final Logger LOG = Logger.getLogger(ServiceCalls.class);

    private final String service;
    private final Guard breaker;
    private final Guard retry;
    private final Guard readTimeout;
    private final Guard exportTimeout;
    private final Guard writeTimeout;

    ServiceCalls(String service) {
        this.service = service;
        this.breaker = Guard.create().withDescription(service)
                .withCircuitBreaker().name(service).requestVolumeThreshold(10).failureRatio(0.5)
                .delay(10, ChronoUnit.SECONDS).skipOn(List.of(ServiceProblem.class, ContextNotActiveException.class))
                .done()
                .build();
        this.retry = Guard.create().withDescription(service + " read")
                .withRetry().maxRetries(1).delay(200, ChronoUnit.MILLIS)
                .abortOn(List.of(ServiceProblem.class, CircuitBreakerOpenException.class,
                        ContextNotActiveException.class))
                .done()
                .build();
        this.readTimeout = timeout(service, "read-timeout", "8S");
        this.exportTimeout = timeout(service, "export-timeout", "20S");
        this.writeTimeout = timeout(service, "write-timeout", "30S");
    }

    private static Guard timeout(String service, String name, String otherwise) {
        Duration timeout = ConfigProvider.getConfig()
                .getOptionalValue("homeprogram.portal.calls." + name, Duration.class)
                .orElse(Duration.parse("PT" + otherwise));
        return Guard.create().withDescription(service + " " + name)
                .withTimeout().duration(timeout.toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }

    /** The circuit breaker's name: the service's Keycloak client id, e.g. {@code plan-service}. */
    String service() {
        return service;
    }

    /** A GET: retried once when it failed. */
    <T> T read(Supplier<T> call) {
        return retried(() -> guarded(readTimeout, call));
    }

    /** A GET that reads a lot (the FHIR export): more time, retried once. */
    <T> T export(Supplier<T> call) {
        return retried(() -> guarded(exportTimeout, call));
    }

    /** POST, PUT, PATCH: sent once. */
    <T> T write(Supplier<T> call) {
        return unavailableUnlessRefused(() -> guarded(writeTimeout, call));
    }

    void write(Runnable call) {
        write(() -> {
            call.run();
            return null;
        });
    }

    /** Retry outside the breaker: each attempt counts as one call, and an open breaker ends the retries. */
    @SuppressWarnings("unchecked")
    private <T> T retried(Supplier<T> attempt) {
        return unavailableUnlessRefused(() -> (T) retry.get((Supplier<Object>) attempt, Object.class));
    }

    /** The breaker outside the timeout, so that a call that timed out counts as a failure. */
    @SuppressWarnings("unchecked")
    private <T> T guarded(Guard timeout, Supplier<T> call) {
        return (T) breaker.get(() -> timeout.get((Supplier<Object>) call, Object.class), Object.class);
    }

    /** The one place a failure becomes "temporarily unavailable"; a refusal passes through untouched. */
    private <T> T unavailableUnlessRefused(Supplier<T> call) {
        try {
            return call.get();
        } catch (ServiceProblem | ContextNotActiveException refusedOrLeft) {
            throw refusedOrLeft;
        } catch (RuntimeException failure) {
            throw unavailable(failure);
        }
    }

    private ServiceUnavailable unavailable(RuntimeException failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            // The failures that opened it were logged with their causes; one line per refused call is enough here.
            LOG.warnf("%s unavailable: %s", service, failure);
        } else {
            LOG.warnf(failure, "%s unavailable", service);
        }
        return new ServiceUnavailable(service, failure);
    }
}
