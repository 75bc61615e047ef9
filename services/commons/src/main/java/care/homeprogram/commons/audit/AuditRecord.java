package care.homeprogram.commons.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One request to {@code /api}: who (sub, role, client), what (resource template, object, patient, action), when,
 * the outcome and the correlation id. Never a token, a request body or a response body. Append-only: Hibernate
 * never updates it ({@link Immutable}) and the database refuses UPDATE, DELETE and TRUNCATE (V0_2__audit.sql);
 * each record is chained to the one before by its hash (V0_4__audit_chain.sql, {@link AuditChain}).
 */
@Entity
@Immutable
@Table(name = "audit_record")
public class AuditRecord {
    @Id
    public UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(nullable = false)
    public String service;

    @Column(name = "actor_sub")
    public String actorSub;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(name = "client_id")
    public String clientId;

    @Column(nullable = false)
    public String method;

    @Column(nullable = false)
    public String resource;

    @Column(name = "object_id")
    public String objectId;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(nullable = false)
    public String action;

    @Column(nullable = false)
    public String outcome;

    @Column(nullable = false)
    public int status;

    @Column(name = "correlation_id", nullable = false)
    public String correlationId;

    /** The hash of the record before (64 zeros for the first): set by the database's chain trigger (V0_4). */
    @Column(name = "prev_hash", insertable = false, updatable = false)
    public String prevHash;

    /** SHA-256 of this record's canonical text, which includes {@link #prevHash}: set by the chain trigger. */
    @Column(name = "hash", insertable = false, updatable = false)
    public String hash;
}
