package care.homeprogram.patients.domain;

import care.homeprogram.contract.events.IntakeFlag;
import io.quarkus.panache.common.Page;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A patient: a {@link Person} with a birth date, a care team and an intake screen. */
@Entity
public class Patient extends Person {
    public enum Status {
        ACTIVE, DISABLED
    }

    public String phone;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    /**
     * The language tag the patient chose (en, es, de-AT...); null: no preference, so their pages and program follow
     * the browser's Accept-Language and their messages are in English. Patients created before V5 without a choice
     * were stored as en and stay so (nothing says whether it was chosen).
     */
    @Column(name = "preferred_language")
    public String preferredLanguage;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Set by the intake screen: a plan needs the therapist's sign-off before it activates. */
    @Column(name = "requires_sign_off", nullable = false)
    public boolean requiresSignOff;

    @Column(name = "intake_screened_at")
    public OffsetDateTime intakeScreenedAt;

    @Column(name = "intake_screened_by")
    public UUID intakeScreenedBy;

    @ElementCollection
    @CollectionTable(name = "intake_flag", joinColumns = @JoinColumn(name = "patient_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "flag", nullable = false)
    public Set<IntakeFlag> intakeFlags = EnumSet.noneOf(IntakeFlag.class);

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

    /** The patients among these ids (unknown ids have none), in no particular order. */
    public static List<Patient> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /**
     * The patient with their care team and intake flags in one query, for a read ({@code GET /api/patients/{id}}, its
     * intake): read-only, so nothing loaded is checked for changes at commit, and one round trip instead of three.
     */
    public static Optional<Patient> toRead(UUID id) {
        return getEntityManager().createQuery("select p from Patient p left join fetch p.therapists "
                + "left join fetch p.intakeFlags where p.id = :id", Patient.class).setParameter("id", id)
                .setHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).getResultStream().findFirst();
    }

    public static Optional<Patient> byUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** A therapist's patients, by name; {@code query} matches first name, last name or username. */
    public static List<Patient> inCareOf(UUID therapistId, String query, int page, int size) {
        return find("select p from Patient p join p.therapists t where t.id = ?1 and " + MATCHES
                + " order by p.lastName, p.firstName", therapistId, Therapist.like(query))
                .page(Page.of(page, size)).list();
    }

    public static long countInCareOf(UUID therapistId, String query) {
        return count("select count(p) from Patient p join p.therapists t where t.id = ?1 and " + MATCHES,
                therapistId, Therapist.like(query));
    }

    private static final String MATCHES = "(lower(p.firstName) like ?2 or lower(p.lastName) like ?2 "
            + "or lower(p.username) like ?2)";

    public static List<Patient> all(String query, int page, int size) {
        return find("lower(firstName) like ?1 or lower(lastName) like ?1 or lower(username) like ?1 "
                + "order by lastName, firstName", Therapist.like(query)).page(Page.of(page, size)).list();
    }

    public static long countAll(String query) {
        return count("lower(firstName) like ?1 or lower(lastName) like ?1 or lower(username) like ?1",
                Therapist.like(query));
    }
}
