package care.homeprogram.commons.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Decides which requests that no resource answered become audit records (finding 3 of issue #12: anyone could fill
 * the append-only table with requests to made-up paths). An authenticated caller's request is always recorded. An
 * anonymous one (no token, or a token that was refused) is recorded only when it was aimed at a real endpoint, and
 * then only up to {@code homeprogram.audit.unrouted-records-per-minute} per replica: a refused token on a real
 * endpoint is security-relevant, but not worth unbounded rows. Everything else becomes the counter
 * {@code homeprogram_audit_unrecorded_requests_total{reason}} and at most one log line per reason and minute.
 */
@ApplicationScoped
public class UnroutedRequests {
    static final String METRIC = "homeprogram.audit.unrecorded.requests";
    public static final String UNKNOWN_PATH = "unknown-path";
    public static final String OVER_LIMIT = "refused-over-limit";
    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final Logger LOG = Logger.getLogger(UnroutedRequests.class);

    private final ApiRoutes routes;
    private final MeterRegistry registry;
    private final int perMinute;
    private final Map<String, AtomicLong> unloggedByReason = new ConcurrentHashMap<>();
    private final AtomicLong lastLogAt = new AtomicLong(System.nanoTime() - MINUTE_NANOS);
    private long windowStart = System.nanoTime();
    private int recordedInWindow;

    public UnroutedRequests(ApiRoutes routes, MeterRegistry registry,
            @ConfigProperty(name = "homeprogram.audit.unrouted-records-per-minute", defaultValue = "60")
            int perMinute) {
        this.routes = routes;
        this.registry = registry;
        this.perMinute = perMinute;
    }

    /** Whether this request, which no resource answered, is written to the trail; counted and logged if not. */
    public boolean record(String path, SecurityIdentity caller) {
        if (caller != null && !caller.isAnonymous()) {
            return true;
        }
        if (!routes.exists(path)) {
            unrecorded(UNKNOWN_PATH);
            return false;
        }
        if (withinBudget()) {
            return true;
        }
        unrecorded(OVER_LIMIT);
        return false;
    }

    /** The path for the record: never a secret in it ({@link ApiRoutes#withoutSecrets}). */
    public String recordedPath(String path) {
        return routes.withoutSecrets(path);
    }

    private synchronized boolean withinBudget() {
        long now = System.nanoTime();
        if (now - windowStart >= MINUTE_NANOS) {
            windowStart = now;
            recordedInWindow = 0;
        }
        return recordedInWindow++ < perMinute;
    }

    private void unrecorded(String reason) {
        Counter.builder(METRIC).description("Requests no resource answered and the audit trail does not keep "
                + "(anonymous requests to unknown paths, refused tokens over the per-minute budget)")
                .tag("reason", reason).register(registry).increment();
        unloggedByReason.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        long last = lastLogAt.get();
        long now = System.nanoTime();
        if (now - last >= MINUTE_NANOS && lastLogAt.compareAndSet(last, now)) {
            // No path or address in the line: the paths are the caller's text, and the counter tells the volume.
            unloggedByReason.forEach((r, count) -> {
                long n = count.getAndSet(0);
                if (n > 0) {
                    LOG.warnf("%d anonymous API request(s) not written to the audit trail in the last minute (%s); "
                            + "see metric homeprogram_audit_unrecorded_requests_total", n, r);
                }
            });
        }
    }
}
