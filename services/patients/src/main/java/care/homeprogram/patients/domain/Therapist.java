package care.homeprogram.patients.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Entity
public class Therapist extends PanacheEntityBase {
    /** The therapist's Keycloak sub. */
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

    @Column(name = "time_zone", nullable = false)
    public String timeZone = "Europe/Berlin";

    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled = true;

    @Column(name = "in_app_enabled", nullable = false)
    public boolean inAppEnabled = true;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Patient.Status status = Patient.Status.ACTIVE;

    public static Optional<Therapist> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** Ordered by name; {@code query} matches first name, last name or username, case-insensitively. */
    public static List<Therapist> search(String query, int page, int size) {
        return find("lower(firstName) like ?1 or lower(lastName) like ?1 or lower(username) like ?1 "
                + "order by lastName, firstName", like(query)).page(Page.of(page, size)).list();
    }

    public static long countMatching(String query) {
        return count("lower(firstName) like ?1 or lower(lastName) like ?1 or lower(username) like ?1", like(query));
    }

    static String like(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + q + "%";
    }
}
