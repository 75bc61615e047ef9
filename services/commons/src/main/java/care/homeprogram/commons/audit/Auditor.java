package care.homeprogram.commons.audit;

import care.homeprogram.commons.audit.AuditEntry.Action;
import care.homeprogram.commons.audit.AuditEntry.Outcome;
import care.homeprogram.commons.security.CurrentUser;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Turns what is known about a finished request into an audit record and appends it. */
@ApplicationScoped
public class Auditor {
    private static final Pattern UUID_FORM = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final AuditWriter writer;
    private final Clock clock;
    private final String service;

    public Auditor(AuditWriter writer, Clock clock,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.writer = writer;
        this.clock = clock;
        this.service = truncate(service, 60);
    }

    /** The finished request: its method, resource template, ids, caller and status. */
    public record Request(String method, String resource, String objectId, UUID patientId, SecurityIdentity caller,
            int status, String correlationId, Capability capability) {
        public Request(String method, String resource, String objectId, UUID patientId, SecurityIdentity caller,
                int status, String correlationId) {
            this(method, resource, objectId, patientId, caller, status, correlationId, null);
        }
    }

    /** A secret link acting for a patient ({@link AuditContext#actedThrough}): its kind (the role) and its id. */
    public record Capability(String role, String id) {
    }

    AuditRecord record(Request request) {
        AuditRecord record = new AuditRecord();
        record.id = UUID.randomUUID();
        record.occurredAt = OffsetDateTime.now(clock);
        record.service = service;
        record.method = truncate(request.method(), 10);
        record.resource = truncate(request.resource(), 200);
        record.objectId = truncate(request.objectId(), 100);
        record.action = Action.of(request.method()).name();
        record.status = request.status();
        record.outcome = Outcome.of(request.status()).name();
        record.correlationId = request.correlationId();
        SecurityIdentity caller = request.caller();
        if ((caller == null || caller.isAnonymous()) && request.capability() != null) {
            record.actorRole = truncate(request.capability().role(), 20);
            record.actorSub = truncate(request.capability().id(), 64);
        } else if (caller == null || caller.isAnonymous()) {
            record.actorRole = "anonymous";
        } else {
            record.actorRole = role(caller);
            if (caller.getPrincipal() instanceof JsonWebToken token) {
                record.actorSub = truncate(token.getSubject(), 64);
                Object azp = token.getClaim("azp");
                record.clientId = azp == null ? null : truncate(azp.toString(), 100);
            } else {
                record.actorSub = truncate(caller.getPrincipal().getName(), 64);
            }
        }
        record.patientId = request.patientId();
        if (record.patientId == null && CurrentUser.PATIENT.equals(record.actorRole)) {
            record.patientId = uuid(record.actorSub); // a patient's requests concern their own data
        }
        return record;
    }

    /**
     * The records of a request that touched several patients' data: one per patient, otherwise identical (same
     * correlation id), so a query by patient finds each. None named: the one record as {@link #record} makes it.
     */
    List<AuditRecord> records(Request request, Collection<UUID> patientIds) {
        if (patientIds.size() <= 1) {
            return List.of(record(patientIds.isEmpty() ? request : withPatient(request, patientIds.iterator().next())));
        }
        List<AuditRecord> records = new ArrayList<>();
        for (UUID patientId : patientIds) {
            records.add(record(withPatient(request, patientId)));
        }
        return records;
    }

    private static Request withPatient(Request r, UUID patientId) {
        return new Request(r.method(), r.resource(), r.objectId(), patientId, r.caller(), r.status(),
                r.correlationId(), r.capability());
    }

    /** Blocking until the records are committed ({@link AuditWriter}): on a worker thread only. */
    void append(List<AuditRecord> records) {
        try {
            writer.submit(records).join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** From the event loop: completes back on the caller's context once the records are committed. */
    Future<Void> appendOnWorker(Vertx vertx, List<AuditRecord> records) {
        return Future.fromCompletionStage(writer.submit(records), vertx.getOrCreateContext());
    }

    static UUID uuid(String value) {
        return value != null && UUID_FORM.matcher(value).matches() ? UUID.fromString(value) : null;
    }

    private static String role(SecurityIdentity caller) {
        for (String role : new String[] { CurrentUser.ADMIN, CurrentUser.THERAPIST, CurrentUser.BILLING,
                CurrentUser.PATIENT }) {
            if (caller.hasRole(role)) {
                return role;
            }
        }
        return "none";
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
