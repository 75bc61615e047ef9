package care.homeprogram.commons.audit;

import care.homeprogram.contract.Problem;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Audits every request a resource answered, whatever the answer (200, 400, 401, 403, 404, 500): the caller, the
 * resource template as in the OpenAPI document, the object id from the path, the patient concerned (from
 * {@link AuditContext}, a {@code patientId} parameter, or the caller when a patient), the status and the correlation
 * id. A request that touched several patients' data leaves one record per patient ({@link AuditContext}). A request
 * no resource answered is kept only as {@link UnroutedRequests} decides. The record is written before the response
 * leaves; if it cannot be written, a successful read is refused (503) rather than served unrecorded.
 */
public class AuditResponseFilter {
    private static final Logger LOG = Logger.getLogger(AuditResponseFilter.class);
    private static final Pattern PARAMETER_REGEX = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*:[^}]*}");
    private static final String SECRET_PARAMETER = "token";
    private static final Map<String, String> TEMPLATES = new ConcurrentHashMap<>();

    private final Auditor auditor;
    private final AuditContext context;
    private final CurrentVertxRequest vertxRequest;
    private final CurrentIdentityAssociation identities;
    private final Vertx vertx;
    private final UnroutedRequests unrouted;

    public AuditResponseFilter(Auditor auditor, AuditContext context, CurrentVertxRequest vertxRequest,
            CurrentIdentityAssociation identities, Vertx vertx, UnroutedRequests unrouted) {
        this.unrouted = unrouted;
        this.auditor = auditor;
        this.context = context;
        this.vertxRequest = vertxRequest;
        this.identities = identities;
        this.vertx = vertx;
    }

    @ServerResponseFilter
    public Uni<Void> audit(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        String path = "/" + request.getUriInfo().getPath().replaceFirst("^/+", "");
        if (!path.startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        RoutingContext ctx = vertxRequest.getCurrent();
        String correlationId = ctx == null ? null : ctx.get(AuditHttpFilter.CORRELATION_KEY);
        if (correlationId == null) {
            correlationId = AuditHttpFilter.correlationId(request.getHeaderString(AuditHttpFilter.CORRELATION_HEADER),
                    request.getHeaderString("traceparent"));
            response.getHeaders().putSingle(AuditHttpFilter.CORRELATION_HEADER, correlationId);
        }
        if (ctx != null) {
            ctx.put(AuditHttpFilter.RECORDED_KEY, Boolean.TRUE);
        }
        MultivaluedMap<String, String> pathParameters = request.getUriInfo().getPathParameters();
        String objectId = contextObjectId();
        if (objectId == null) {
            // A path parameter named "token" is a secret (a calendar feed's link): never written to the trail.
            objectId = pathParameters.containsKey("id") ? pathParameters.getFirst("id")
                    : pathParameters.entrySet().stream().filter(p -> !SECRET_PARAMETER.equals(p.getKey()))
                            .flatMap(p -> p.getValue().stream()).findFirst().orElse(null);
        }
        Set<UUID> patientIds = new LinkedHashSet<>(contextPatientIds());
        if (patientIds.isEmpty()) {
            UUID named = Auditor.uuid(pathParameters.getFirst("patientId"));
            if (named == null) {
                named = Auditor.uuid(request.getUriInfo().getQueryParameters().getFirst("patientId"));
            }
            if (named != null) {
                patientIds.add(named);
            }
        }
        Auditor.Capability capability = contextCapability();
        String method = request.getMethod();
        boolean routed = resource != null && resource.getResourceMethod() != null;
        // No resource method (e.g. a refused token): the raw path, unless a secret would be in it.
        String template = routed ? template(resource, path) : unrouted.recordedPath(path);
        String finalObjectId = objectId;
        String finalCorrelationId = correlationId;
        return identities.getDeferredIdentity()
                .onFailure().recoverWithNull()
                .onItem().transformToUni(caller -> {
                    // No resource answered (an unknown path): only kept when UnroutedRequests says so (finding 3).
                    if (!routed && !unrouted.record(path, caller)) {
                        return Uni.createFrom().voidItem();
                    }
                    return write(auditor.records(new Auditor.Request(method, template, finalObjectId, null, caller,
                            response.getStatus(), finalCorrelationId, capability), patientIds), response);
                });
    }

    private Uni<Void> write(List<AuditRecord> records, ContainerResponseContext response) {
        AuditRecord record = records.get(0);
        if (BlockingOperationControl.isBlockingAllowed()) {
            try {
                auditor.append(records);
            } catch (RuntimeException e) {
                unrecorded(record, response, e);
            }
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(() -> auditor.appendOnWorker(vertx, records).toCompletionStage())
                .onFailure().invoke(e -> unrecorded(record, response, e))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** No record, no data: a successful read is withheld; a change has already happened and is reported as is. */
    private static void unrecorded(AuditRecord record, ContainerResponseContext response, Throwable e) {
        LOG.errorf("audit record could not be written for %s %s (correlation %s): %s", record.method,
                record.resource, record.correlationId, e.getMessage());
        if ("READ".equals(record.action) && response.getStatus() < 300) {
            response.setStatus(503);
            response.setEntity(new Problem(Problem.type("audit-unavailable"), "Service unavailable", 503,
                    "The access could not be recorded, so it was not served; please try again later; correlation "
                            + record.correlationId, null, null),
                    new Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    private String contextObjectId() {
        try {
            return context.objectId();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    private Auditor.Capability contextCapability() {
        try {
            return context.capability();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    private Set<UUID> contextPatientIds() {
        try {
            return context.patientIds();
        } catch (ContextNotActiveException e) {
            return Set.of();
        }
    }

    /** The path template as the OpenAPI document spells it, e.g. {@code /api/patients/{id}}. */
    static String template(ResourceInfo resource, String path) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return path;
        }
        Class<?> resourceClass = resource.getResourceClass();
        return TEMPLATES.computeIfAbsent(resourceClass.getName() + "#" + method, key -> {
            Path classPath = resourceClass.getAnnotation(Path.class);
            Path methodPath = method.getAnnotation(Path.class);
            String joined = "/" + (classPath == null ? "" : classPath.value()) + "/"
                    + (methodPath == null ? "" : methodPath.value());
            String normalised = PARAMETER_REGEX.matcher(joined.replaceAll("/+", "/")).replaceAll("{$1}");
            return normalised.length() > 1 && normalised.endsWith("/")
                    ? normalised.substring(0, normalised.length() - 1) : normalised;
        });
    }
}
