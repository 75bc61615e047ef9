package care.homeprogram.patients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A care team an admin asked for that adds a therapist to a patient who already has clinical data: it takes effect
 * only when a therapist of the current care team (or, if the team is empty, the patient) confirms it.
 */
@Entity
@Table(name = "care_team_request")
public class CareTeamRequest extends PanacheEntityBase {
    public enum Status {
        PENDING, CONFIRMED, DECLINED
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "requested_by", nullable = false)
    public UUID requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.PENDING;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @ElementCollection
    @CollectionTable(name = "care_team_request_therapist", joinColumns = @JoinColumn(name = "request_id"))
    @Column(name = "therapist_id", nullable = false)
    public Set<UUID> therapistIds = new LinkedHashSet<>();

    public static Optional<CareTeamRequest> of(UUID patientId, UUID id) {
        return find("id = ?1 and patientId = ?2", id, patientId).firstResultOptional();
    }

    public static List<CareTeamRequest> pendingFor(UUID patientId) {
        return list("patientId = ?1 and status = ?2 order by requestedAt", patientId, Status.PENDING);
    }

    /** The pending requests about patients in this therapist's care, oldest first, at most {@code limit}. */
    public static List<CareTeamRequest> pendingInCareOf(UUID therapistId, int limit) {
        return find("select r from CareTeamRequest r where r.status = ?2 and r.patientId in "
                + "(select p.id from Patient p join p.therapists t where t.id = ?1) order by r.requestedAt",
                therapistId, Status.PENDING).page(0, limit).list();
    }
}
