package care.homeprogram.commons.audit;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Runs first for every {@code /api} request, before authentication: gives it a correlation id ({@link
 * #correlationId(String, String)}: the request's trace id, so an audit record leads to its trace and back), echoes it
 * in the response, and makes sure a request
 * that never reaches a resource (a refused token, an unknown path) is audited too when {@link UnroutedRequests}
 * says so (an authenticated caller, or a real endpoint within the per-minute budget). Requests that reach a resource
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
    private final UnroutedRequests unrouted;

    public AuditHttpFilter(Auditor auditor, UnroutedRequests unrouted) {
        this.auditor = auditor;
        this.unrouted = unrouted;
    }

    void register(@Observes Filters filters) {
        filters.register(this::begin, PRIORITY);
    }

    private void begin(RoutingContext ctx) {
        if (!ctx.normalizedPath().startsWith("/api/")) {
            ctx.next();
            return;
        }
        String correlationId = correlationId(ctx.request().getHeader(CORRELATION_HEADER),
                ctx.request().getHeader("traceparent"));
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
        if (!unrouted.record(ctx.normalizedPath(), caller)) {
            return;
        }
        AuditRecord record = auditor.record(new Auditor.Request(ctx.request().method().name(),
                unrouted.recordedPath(ctx.normalizedPath()),
                null, null, caller, ctx.response().getStatusCode(), correlationId));
        auditor.appendOnWorker(ctx.vertx(), java.util.List.of(record)).onFailure(e -> LOG.errorf(
                "audit record lost for %s %s (correlation %s): %s", record.method, record.resource, correlationId,
                e.getMessage()));
    }

    /**
     * The request's correlation id: the trace id of the request's span (docs/architecture.md, "Tracing"), the same in
     * every service a traced click reaches (the portal forwards the trace). Only a caller outside any trace (no
     * {@code traceparent}: a script, a test) may name its own with {@code X-Correlation-Id}; ids from outside are
     * kept only when they cannot smuggle anything into logs or exports.
     */
    static String correlationId(String fromCaller, String traceparent) {
        SpanContext span = Span.current().getSpanContext();
        boolean traced = traceparent != null && !traceparent.isBlank();
        if (!traced && fromCaller != null && SAFE_ID.matcher(fromCaller).matches()) {
            // Still findable from the trace side: the request's span names the caller's id.
            Span.current().setAttribute("homeprogram.correlation_id", fromCaller);
            return fromCaller;
        }
        return span.isValid() ? span.getTraceId() : UUID.randomUUID().toString();
    }
}
