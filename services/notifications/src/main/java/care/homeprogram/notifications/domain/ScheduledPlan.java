package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What notification-service knows of a plan, projected from plan-events: who it is for, its status and schedule.
 * Reminders are materialised from it without asking plan-service.
 */
@Entity
@Table(name = "plan_schedule")
public class ScheduledPlan extends PanacheEntityBase {
    public static final String ACTIVE = "ACTIVE";

    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "therapist_id")
    public UUID therapistId;

    @Column(nullable = false)
    public int version;

    @Column(nullable = false)
    public String status;

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    /** When it last became active: adherence counts from here when nothing was logged since. */
    @Column(name = "active_since")
    public OffsetDateTime activeSince;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @OneToMany(mappedBy = "plan", cascade = CascadeType.ALL, orphanRemoval = true)
    public List<ScheduledItem> items = new ArrayList<>();

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    /** The items that remind: those in the current schedule and not paused by a safety rule. */
    public List<ReminderSchedule.Item> remindingItems() {
        return items.stream().filter(i -> i.state == ScheduledItem.State.ACTIVE).map(ScheduledItem::toSchedule)
                .toList();
    }

    public Optional<ScheduledItem> item(UUID itemId) {
        return items.stream().filter(i -> i.itemId.equals(itemId)).findFirst();
    }

    /** The start of the plan's first day in the patient's zone. */
    public OffsetDateTime startsAt(ZoneId zone) {
        return startDate.atStartOfDay(zone).toOffsetDateTime();
    }

    /** Locked for this transaction, so changes to one plan's reminders never interleave. */
    public static Optional<ScheduledPlan> lockedById(UUID planId) {
        return findByIdOptional(planId, LockModeType.PESSIMISTIC_WRITE);
    }

    public static List<ScheduledPlan> ofPatient(UUID patientId) {
        return list("patientId", patientId);
    }

    public static List<UUID> activeIds() {
        return find("select p.planId from ScheduledPlan p where p.status = ?1 order by p.planId", ACTIVE)
                .project(UUID.class).list();
    }
}
