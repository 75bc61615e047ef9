package care.homeprogram.plans.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.plans.api.LogSessionRequest;
import care.homeprogram.plans.api.SessionOutcome;
import care.homeprogram.plans.config.SessionsConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The Idempotency-Key of a session log (docs/api-contract.md, "Idempotency-Key"): a phone that logged a session
 * offline sends it again until it hears an answer, so the same key from the same patient must store one session and
 * raise its alerts once. The key is claimed with an insert in the log's own transaction: a concurrent duplicate
 * waits on the key's row until the first commits, then finds it and replays the stored outcome; if the first fails,
 * its claim goes with its rollback and the duplicate is judged as a new log.
 */
@ApplicationScoped
public class SessionIdempotency {
    private static final Logger LOG = Logger.getLogger(SessionIdempotency.class);
    /** What a device may send: a UUID is 36 characters; printable ASCII, no spaces, at most 100. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final SessionsConfig config;
    private final Clock clock;

    public SessionIdempotency(EntityManager entityManager, ObjectMapper mapper, SessionsConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.config = config;
        this.clock = clock;
    }

    /** 400 for a key no device would make (empty, too long, spaces or control characters). */
    public static void requireWellFormed(String key) {
        if (key != null && !KEY.matcher(key).matches()) {
            throw ProblemException.invalidField("Idempotency-Key",
                    "must be 1 to 100 printable characters without spaces, e.g. a UUID");
        }
    }

    /**
     * Claims the key for this log, in the caller's transaction.
     *
     * @return the outcome answered the first time, if the key was used before with the same body
     * @throws ProblemException 422 if the key was used before with a different body
     */
    public Optional<SessionOutcome> claim(UUID patientId, String key, UUID planId, LogSessionRequest request) {
        String hash = fingerprint(planId, request);
        OffsetDateTime now = OffsetDateTime.now(clock);
        int claimed = entityManager.createNativeQuery("INSERT INTO session_idempotency_key (patient_id, client_key, "
                + "request_hash, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, patientId).setParameter(2, key).setParameter(3, hash).setParameter(4, now)
                .setParameter(5, now.plus(config.idempotencyRetention())).executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        Object[] earlier = (Object[]) entityManager.createNativeQuery("SELECT request_hash, CAST(outcome AS text) "
                + "FROM session_idempotency_key WHERE patient_id = ?1 AND client_key = ?2")
                .setParameter(1, patientId).setParameter(2, key).getSingleResult();
        if (!hash.equals(earlier[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key already used",
                    "This Idempotency-Key was already used for a different session log; make a new key for each log");
        }
        if (earlier[1] == null) {
            // Cannot happen for a committed claim (the outcome is written in the same transaction); said, not hidden.
            throw ProblemException.conflict("idempotency-key-in-use", "This log is still being processed");
        }
        try {
            return Optional.of(mapper.readValue((String) earlier[1], SessionOutcome.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored outcome of an idempotency key is unreadable", e);
        }
    }

    /** Stores the outcome answered for a claimed key, in the same transaction as the session it stored. */
    public void remember(UUID patientId, String key, SessionOutcome outcome) {
        try {
            entityManager.createNativeQuery("UPDATE session_idempotency_key SET outcome = CAST(?3 AS jsonb) "
                    + "WHERE patient_id = ?1 AND client_key = ?2")
                    .setParameter(1, patientId).setParameter(2, key)
                    .setParameter(3, mapper.writeValueAsString(outcome)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("session outcome cannot be stored", e);
        }
    }

    @Scheduled(identity = "session-idempotency-purge", every = "${homeprogram.session-keys.purge-every:1h}",
            delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeJob() {
        try {
            purgeExpired();
        } catch (RuntimeException e) {
            LOG.warnf("idempotency key purge paused: %s", e.getMessage());
        }
    }

    /**
     * Forgets the keys whose retention is over; safe on several replicas at once (a plain delete).
     *
     * @return how many keys were forgotten
     */
    public int purgeExpired() {
        int purged = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("DELETE FROM session_idempotency_key WHERE expires_at < ?1")
                .setParameter(1, OffsetDateTime.now(clock)).executeUpdate());
        if (purged > 0) {
            LOG.infof("forgot %d expired session idempotency keys", purged);
        }
        return purged;
    }

    /**
     * The plan and the whole log as the patient sent it (the time performed as an instant, so "+01:00" and "Z" for
     * the same moment are the same log; symptoms as a set, since their order says nothing).
     */
    String fingerprint(UUID planId, LogSessionRequest r) {
        List<String> parts = List.of(planId.toString(), String.valueOf(r.itemId()),
                String.valueOf(r.performedAt() == null ? null : r.performedAt().toInstant()),
                String.valueOf(r.setsDone()), String.valueOf(r.repsDone()), String.valueOf(r.painBefore()),
                String.valueOf(r.painAfter()),
                String.valueOf(r.symptoms() == null ? List.of()
                        : r.symptoms().stream().map(Enum::name).distinct().sorted().toList()),
                String.valueOf(r.note()), String.valueOf(r.settledSinceLastSession()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(mapper.writeValueAsString(parts).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
