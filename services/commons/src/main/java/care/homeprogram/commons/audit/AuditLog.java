package care.homeprogram.commons.audit;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.contract.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The service's audit trail: appends records (each in its own transaction, so a rolled-back request is still
 * recorded) and answers the admins' queries. There is no method that changes or removes a record.
 */
@ApplicationScoped
public class AuditLog {
    private static final int EXPORT_CHUNK = 500;

    private static final String INSERT = "INSERT INTO audit_record (id, occurred_at, service, actor_sub, actor_role,"
            + " client_id, method, resource, object_id, patient_id, action, outcome, status, correlation_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final EntityManager entityManager;
    private final DataSource database;

    public AuditLog(EntityManager entityManager, DataSource database) {
        this.entityManager = entityManager;
        this.database = database;
    }

    /** Which records a query selects; every criterion is optional. */
    public record Filter(UUID patientId, String actorSub, String correlationId, OffsetDateTime from,
            OffsetDateTime to) {
    }

    /**
     * Appends in a new transaction; blocking (call it on a worker thread). The database chains each record to the one
     * before (V0_4__audit_chain.sql): per record one advisory lock (held to the end of this short transaction) and
     * one indexed read of the newest record's hash.
     */
    public void append(AuditRecord record) {
        append(List.of(record));
    }

    /**
     * The records, in one database transaction that has committed when this returns. One JDBC batch rather than an
     * entity per record: records are never read back or changed, so Hibernate's persistence context (the entity
     * copies, the flush) was pure cost on the hot read's audit writer (docs/deploy.md, "Where the hot read's time
     * goes"). A plain JDBC transaction (autocommit off, commit, rollback on any failure) rather than a JTA one: the
     * batch touches one database and one table, so Narayana's transaction (its record, the synchronizations, the
     * connection's enlistment) bought nothing and was a third of the audit writer's time (docs/deploy.md, "The hot
     * read's tail"). Refused inside a JTA transaction, whose commit or rollback would decide the records' fate: the
     * only caller is {@link AuditWriter}'s own thread, which never has one.
     */
    public void append(List<AuditRecord> records) {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("audit records are appended outside any transaction, so that a rolled-back"
                    + " request is still recorded");
        }
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (AuditRecord r : records) {
                    insert.setObject(1, r.id);
                    insert.setObject(2, r.occurredAt);
                    insert.setString(3, r.service);
                    insert.setString(4, r.actorSub);
                    insert.setString(5, r.actorRole);
                    insert.setString(6, r.clientId);
                    insert.setString(7, r.method);
                    insert.setString(8, r.resource);
                    insert.setString(9, r.objectId);
                    insert.setObject(10, r.patientId);
                    insert.setString(11, r.action);
                    insert.setString(12, r.outcome);
                    insert.setInt(13, r.status);
                    insert.setString(14, r.correlationId);
                    insert.addBatch();
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            } finally {
                // the pool hands this connection out again: back to the autocommit every other user expects
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the audit records could not be written: " + e.getMessage(), e);
        }
    }

    private static void rollBack(Connection connection, Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Newest first. */
    public Page<AuditEntry> page(Filter filter, int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> parameters = new java.util.HashMap<>();
            String where = where(filter, parameters);
            TypedQuery<AuditRecord> query = entityManager.createQuery(
                    "from AuditRecord r" + where + " order by r.seq desc", AuditRecord.class);
            TypedQuery<Long> count = entityManager.createQuery(
                    "select count(r) from AuditRecord r" + where, Long.class);
            parameters.forEach((name, value) -> {
                query.setParameter(name, value);
                count.setParameter(name, value);
            });
            List<AuditEntry> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                    .map(AuditEntry::of).toList();
            return new Page<>(items, count.getSingleResult());
        });
    }

    /** Every matching record, oldest first, read in chunks so an export never holds the whole trail in memory. */
    public void forEach(Filter filter, Consumer<AuditEntry> consumer) {
        long after = 0;
        while (true) {
            long last = after;
            List<AuditRecord> chunk = QuarkusTransaction.requiringNew().call(() -> {
                Map<String, Object> parameters = new java.util.HashMap<>();
                String where = where(filter, parameters);
                where = (where.isEmpty() ? " where " : where + " and ") + "r.seq > :after";
                TypedQuery<AuditRecord> query = entityManager.createQuery(
                        "from AuditRecord r" + where + " order by r.seq", AuditRecord.class);
                parameters.forEach(query::setParameter);
                return query.setParameter("after", last).setMaxResults(EXPORT_CHUNK).getResultList();
            });
            chunk.stream().map(AuditEntry::of).forEach(consumer);
            if (chunk.size() < EXPORT_CHUNK) {
                return;
            }
            after = chunk.get(chunk.size() - 1).seq;
        }
    }

    /** The records of one request (usually one; a request relayed to several services has one in each). */
    public List<AuditEntry> byCorrelationId(String correlationId) {
        List<AuditEntry> entries = new ArrayList<>();
        forEach(new Filter(null, null, correlationId, null, null), entries::add);
        return entries;
    }

    private static String where(Filter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.patientId() != null) {
            conditions.add("r.patientId = :patientId");
            parameters.put("patientId", filter.patientId());
        }
        if (filter.actorSub() != null) {
            conditions.add("r.actorSub = :actorSub");
            parameters.put("actorSub", filter.actorSub());
        }
        if (filter.correlationId() != null) {
            conditions.add("r.correlationId = :correlationId");
            parameters.put("correlationId", filter.correlationId());
        }
        if (filter.from() != null) {
            conditions.add("r.occurredAt >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("r.occurredAt < :to");
            parameters.put("to", filter.to());
        }
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ProblemException.badRequest("'from' must be before 'to'");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
