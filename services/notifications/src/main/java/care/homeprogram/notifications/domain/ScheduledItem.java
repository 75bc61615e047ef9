package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** One item of a projected plan: its weeks, days and times per day, and whether it reminds. */
@Entity
@Table(name = "plan_schedule_item")
public class ScheduledItem extends PanacheEntityBase {
    public enum State {
        /** in the plan's current schedule */
        ACTIVE,
        /** paused by a safety rule (ItemPaused) until a therapist resumes it */
        PAUSED,
        /** no longer in the plan's schedule (removed, or left out of a later version while paused) */
        ABSENT
    }

    /** Item ids are UUIDs chosen by plan-service, unique across plans. */
    @Id
    @Column(name = "item_id")
    public UUID itemId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "plan_id", nullable = false)
    public ScheduledPlan plan;

    @Column(name = "start_week", nullable = false)
    public int startWeek;

    @Column(nullable = false)
    public int weeks;

    /** Comma-separated day names, e.g. MONDAY,THURSDAY; empty for every day. */
    @Column(name = "days_of_week", nullable = false)
    public String daysOfWeek = "";

    @Column(name = "times_per_day", nullable = false)
    public int timesPerDay;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.ACTIVE;

    public void setDays(List<DayOfWeek> days) {
        daysOfWeek = days == null ? "" : days.stream().distinct().sorted().map(DayOfWeek::name)
                .collect(Collectors.joining(","));
    }

    public Set<DayOfWeek> days() {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        if (!daysOfWeek.isBlank()) {
            Arrays.stream(daysOfWeek.split(",")).map(DayOfWeek::valueOf).forEach(days::add);
        }
        return days;
    }

    public ReminderSchedule.Item toSchedule() {
        return new ReminderSchedule.Item(startWeek, weeks, days(), timesPerDay);
    }
}
