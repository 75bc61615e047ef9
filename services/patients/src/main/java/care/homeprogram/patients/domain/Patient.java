package care.homeprogram.patients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@Entity
public class Patient extends PanacheEntityBase {
    public enum Status {
        ACTIVE, DISABLED
    }

    /** The patient's Keycloak sub. */
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String username;

    @Column(name = "first_name", nullable = false)
    public String firstName;

    @Column(name = "last_name", nullable = false)
    public String lastName;

    @Column(nullable = false)
    public String email;

    public String phone;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "preferred_language", nullable = false)
    public String preferredLanguage = "en";

    @Column(name = "quiet_start", nullable = false)
    public String quietStart = "21:00";

    @Column(name = "quiet_end", nullable = false)
    public String quietEnd = "08:00";

    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled = true;

    @Column(name = "in_app_enabled", nullable = false)
    public boolean inAppEnabled = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.ACTIVE;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @ManyToMany
    @JoinTable(name = "care_team", joinColumns = @JoinColumn(name = "patient_id"),
            inverseJoinColumns = @JoinColumn(name = "therapist_id"))
    public Set<Therapist> therapists = new HashSet<>();

    public boolean inCareOf(UUID therapistId) {
        return therapists.stream().anyMatch(t -> t.id.equals(therapistId));
    }

    public static Optional<Patient> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public static List<Patient> inCareOf(UUID therapistId, int page, int size) {
        return find("select p from Patient p join p.therapists t where t.id = ?1 order by p.lastName, p.firstName",
                therapistId).page(Page.of(page, size)).list();
    }

    public static long countInCareOf(UUID therapistId) {
        return count("select count(p) from Patient p join p.therapists t where t.id = ?1", therapistId);
    }

    public static List<Patient> all(int page, int size) {
        return findAll(Sort.by("lastName", "firstName")).page(Page.of(page, size)).list();
    }
}
