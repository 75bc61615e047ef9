package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Treatment-management time a therapist spent on a patient: from a timer or entered by hand with a note. */
@Entity
@Table(name = "rtm_time_entry")
public class RtmTimeEntry extends PanacheEntityBase {
    public enum Source {
        TIMER, MANUAL
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    /** The clinic's calendar day the time belongs to (a timer's: the day it started). */
    @Column(nullable = false)
    public LocalDate day;

    @Column(nullable = false)
    public int seconds;

    /** Whether the time included a real-time interactive communication with the patient (or caregiver). */
    @Column(nullable = false)
    public boolean interactive;

    public String note;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Source source;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "stopped_at")
    public OffsetDateTime stoppedAt;

    @Column(name = "recorded_by", nullable = false)
    public UUID recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    /** The patient's entries on the days from {@code first} to {@code last}, in order. */
    public static List<RtmTimeEntry> ofPatient(UUID patientId, LocalDate first, LocalDate last) {
        return list("patientId = ?1 and day between ?2 and ?3 order by day, recordedAt, id", patientId, first, last);
    }
}
