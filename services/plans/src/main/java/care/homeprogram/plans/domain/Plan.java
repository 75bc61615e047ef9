package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A treatment plan: one patient, one authoring therapist, dosed items, a lifecycle and a version history. */
@Entity
public class Plan extends PanacheEntityBase {
    public enum Status {
        DRAFT, ACTIVE, ON_HOLD, COMPLETED, REVOKED;

        /** draft → active ⇄ on-hold → completed | revoked; completed and revoked are final. */
        public boolean canMoveTo(Status next) {
            return switch (this) {
                case DRAFT -> next == ACTIVE || next == REVOKED;
                case ACTIVE -> next == ON_HOLD || next == COMPLETED || next == REVOKED;
                case ON_HOLD -> next == ACTIVE || next == COMPLETED || next == REVOKED;
                case COMPLETED, REVOKED -> false;
            };
        }
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "therapist_id", nullable = false)
    public UUID therapistId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(nullable = false)
    public int version;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /**
     * When the plan first became ACTIVE; null while a draft. Non-adherence counts from here or the last session,
     * whichever is later (docs/clinical-rules.md, "Non-adherence").
     */
    @Column(name = "activated_at")
    public OffsetDateTime activatedAt;

    /** The plan cannot be followed now: it is on hold, or none of its items is active (all paused). */
    public boolean adherencePaused() {
        return status == Status.ON_HOLD || (status == Status.ACTIVE
                && items.stream().noneMatch(i -> i.status == PlanItem.Status.ACTIVE));
    }

    /** The patient's usual pain (0–10): set by the first session's pain before, or by the therapist. */
    @Column(name = "baseline_pain")
    public Integer baselinePain;

    /** Per-plan safety thresholds; null means the configured defaults. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "safety_thresholds")
    public care.homeprogram.plans.safety.Thresholds safetyThresholds;

    /**
     * The acute phase: built from an acute template or marked by the therapist. Static holds are capped in an acute
     * plan (docs/clinical-rules.md, rule 6).
     */
    @Column(nullable = false)
    public boolean acute;

    /**
     * The patient's daily drink target in litres, set only by a therapist who confirmed the fluid-restriction caution;
     * null: none set (docs/clinical-rules.md, rule 8).
     */
    @Column(name = "hydration_target_litres", precision = 4, scale = 2)
    public java.math.BigDecimal hydrationTargetLitres;

    @Column(name = "intake_signed_off_by")
    public UUID intakeSignedOffBy;

    @Column(name = "intake_signed_off_at")
    public OffsetDateTime intakeSignedOffAt;

    /** The intake flags the sign-off covered: a flag recorded later needs a new sign-off. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "intake_signed_off_flags", nullable = false)
    public List<String> intakeSignedOffFlags = new ArrayList<>();

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<PlanItem> items = new ArrayList<>();

    public static Optional<Plan> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /**
     * The plan locked until the transaction ends, for every change that makes a new version: two changes at the same
     * moment (a patient's session pausing an item, a therapist's edit) happen one after the other instead of both
     * writing the same version number.
     */
    public static Optional<Plan> byIdLocked(UUID id) {
        return find("id", id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public java.util.Optional<PlanItem> item(UUID itemId) {
        return items.stream().filter(i -> i.id.equals(itemId) && i.status != PlanItem.Status.REMOVED).findFirst();
    }

    /** The patient's active plans, locked until the transaction ends (a concurrent caller waits, then re-reads). */
    public static List<Plan> activeOfLocked(UUID patientId) {
        return find("patientId = ?1 and status = ?2", patientId, Status.ACTIVE)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public static List<Plan> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by createdAt desc", patientId);
    }

    /** The plans a patient follows now, or may again: active and on hold. */
    public static final List<Status> CURRENT = List.of(Status.ACTIVE, Status.ON_HOLD);
    /** Every status: a therapist's view of the patient's plans, drafts included. */
    public static final List<Status> ALL = List.of(Status.values());
    /** The plans that ended: completed and revoked. */
    public static final List<Status> FINISHED = List.of(Status.COMPLETED, Status.REVOKED);

    /**
     * The patient's plans in these statuses, newest first, with their items and the items' library entries, in one
     * query; read-only (nothing to dirty-check at the end of the read): the patient's hot read.
     */
    public static List<Plan> ofPatientWithItems(UUID patientId, List<Status> statuses) {
        return withStatuses(getEntityManager().createQuery("""
                select p from Plan p left join fetch p.items i left join fetch i.exercise
                where p.patientId = :patientId and p.status in (%s) order by p.createdAt desc"""
                .formatted(statusParameters(statuses)), Plan.class), statuses)
                .setParameter("patientId", patientId)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    /** One page of the patient's plans in these statuses, newest first; read-only. */
    public static List<Plan> ofPatient(UUID patientId, List<Status> statuses, int offset, int size) {
        return withStatuses(getEntityManager().createQuery("from Plan p where p.patientId = :patientId and p.status in ("
                + statusParameters(statuses) + ") order by p.createdAt desc", Plan.class), statuses)
                .setParameter("patientId", patientId)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true)
                .setFirstResult(offset).setMaxResults(size).getResultList();
    }

    /**
     * {@code :status0, :status1, …}: one single-valued parameter per status. Hibernate does not cache the plan of a
     * query with a multi-valued (list) parameter, so {@code in :statuses} translated HQL to SQL again on every call
     * (7.5 % of the hot read's CPU in a JFR profile, docs/deploy.md "Where the hot read's time goes"); with one
     * parameter per element the query text is the same for each list size and its translation is cached.
     */
    private static String statusParameters(List<Status> statuses) {
        return java.util.stream.IntStream.range(0, statuses.size()).mapToObj(i -> ":status" + i)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static TypedQuery<Plan> withStatuses(TypedQuery<Plan> query, List<Status> statuses) {
        for (int i = 0; i < statuses.size(); i++) {
            query.setParameter("status" + i, statuses.get(i));
        }
        return query;
    }

    public static long countOfPatient(UUID patientId, List<Status> statuses) {
        return count("patientId = ?1 and status in ?2", patientId, statuses);
    }
}
