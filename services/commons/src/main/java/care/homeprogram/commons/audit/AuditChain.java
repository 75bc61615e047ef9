package care.homeprogram.commons.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Verifies the audit trail's hash chain (V0_4__audit_chain.sql): walks the records in seq order, a chunk per
 * transaction so the trail is never held in memory whole, recomputes each record's hash from its fields here in Java
 * (not with the database's function, which someone with DBA access could replace) and checks that each record names
 * the hash of the one before. A record changed behind the service's back fails its own hash; a record deleted fails
 * the link of the one after it.
 */
@ApplicationScoped
public class AuditChain {
    static final String GENESIS = "0".repeat(64);
    private static final int CHUNK = 1000;

    private final EntityManager entityManager;

    public AuditChain(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The outcome of a walk. {@code lastHash} (the head of the chain) can be copied somewhere the database's
     * administrators cannot write: a chain rewritten from some record on to the end verifies, but its head differs.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean valid, long records, UUID firstBrokenRecordId, Long firstBrokenSeq,
            String reason, String lastHash) {
    }

    public Verification verify() {
        long records = 0;
        long afterSeq = Long.MIN_VALUE;
        String previous = GENESIS;
        while (true) {
            long after = afterSeq;
            List<AuditRecord> chunk = QuarkusTransaction.requiringNew().call(() -> entityManager
                    .createQuery("from AuditRecord r where r.seq > :after order by r.seq", AuditRecord.class)
                    .setParameter("after", after).setMaxResults(CHUNK).getResultList());
            for (AuditRecord record : chunk) {
                records++;
                if (!previous.equals(record.prevHash)) {
                    return new Verification(false, records, record.id, record.seq,
                            "does not follow the record before it (a record was removed or changed before it)", null);
                }
                if (!hash(record).equals(record.hash)) {
                    return new Verification(false, records, record.id, record.seq,
                            "its fields do not match its hash (the record was changed)", null);
                }
                previous = record.hash;
            }
            entityManager.clear();
            if (chunk.size() < CHUNK) {
                return new Verification(true, records, null, null, null, previous);
            }
            afterSeq = chunk.get(chunk.size() - 1).seq;
        }
    }

    /** The record's hash as the chain trigger computes it: the canonical text is documented in V0_4. */
    static String hash(AuditRecord r) {
        StringBuilder text = new StringBuilder("v1");
        field(text, r.seq);
        field(text, r.id);
        field(text, r.occurredAt == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, r.occurredAt.toInstant()));
        field(text, r.service);
        field(text, r.actorSub);
        field(text, r.actorRole);
        field(text, r.clientId);
        field(text, r.method);
        field(text, r.resource);
        field(text, r.objectId);
        field(text, r.patientId);
        field(text, r.action);
        field(text, r.outcome);
        field(text, r.status);
        field(text, r.correlationId);
        field(text, r.prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Length-prefixed, so no choice of field values can make two different records read the same. */
    private static void field(StringBuilder text, Object value) {
        text.append('\n');
        if (value == null) {
            text.append('-');
        } else {
            String s = value.toString();
            text.append(s.getBytes(StandardCharsets.UTF_8).length).append(':').append(s);
        }
    }
}
