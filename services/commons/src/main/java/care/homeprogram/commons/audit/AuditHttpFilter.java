package care.homeprogram.commons.audit;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Runs first for every {@code /api} request, before authentication: gives it a correlation id (the caller's
 * {@code X-Correlation-Id} if well-formed, else a new one), echoes it in the response, and makes sure a request
 * that never reaches a resource (a refused token, an unknown path) is audited too. Requests that reach a resource
 * are audited by {@link AuditResponseFilter}, which knows their resource template.
 */
@ApplicationScoped
public class AuditHttpFilter {
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    static final String CORRELATION_KEY = "homeprogram.correlation-id";
    static final String RECORDED_KEY = "homeprogram.audit-recorded";
    /** Above the authentication filter (200): requests with a refused token are seen as well. */
    private static final int PRIORITY = 250;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Logger LOG = Logger.getLogger(AuditHttpFilter.class);

    private final Auditor auditor;

    public AuditHttpFilter(Auditor auditor) {
        this.auditor = auditor;
    }

    void register(@Observes Filters filters) {
        filters.register(this::begin, PRIORITY);
    }

    private void begin(RoutingContext ctx) {
        if (!ctx.normalizedPath().startsWith("/api/")) {
            ctx.next();
            return;
        }
        String correlationId = correlationId(ctx.request().getHeader(CORRELATION_HEADER));
        ctx.put(CORRELATION_KEY, correlationId);
        ctx.response().putHeader(CORRELATION_HEADER, correlationId);
        ctx.addEndHandler(ended -> {
            if (ctx.get(RECORDED_KEY) == null) {
                recordUnrouted(ctx, correlationId);
            }
        });
        ctx.next();
    }

    /** A request no resource answered: recorded with its raw path (ids only; query strings are never kept). */
    private void recordUnrouted(RoutingContext ctx, String correlationId) {
        var caller = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        AuditRecord record = auditor.record(new Auditor.Request(ctx.request().method().name(), ctx.normalizedPath(),
                null, null, caller, ctx.response().getStatusCode(), correlationId));
        auditor.appendOnWorker(ctx.vertx(), record).onFailure(e -> LOG.errorf(
                "audit record lost for %s %s (correlation %s): %s", record.method, record.resource, correlationId,
                e.getMessage()));
    }

    /** Ids from outside are kept only when they cannot smuggle anything into logs or exports. */
    static String correlationId(String fromCaller) {
        return fromCaller != null && SAFE_ID.matcher(fromCaller).matches() ? fromCaller : UUID.randomUUID().toString();
    }
}
