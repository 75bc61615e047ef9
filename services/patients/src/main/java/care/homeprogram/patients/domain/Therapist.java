package care.homeprogram.patients.domain;

import io.quarkus.panache.common.Page;
import jakarta.persistence.Entity;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A therapist: a {@link Person} who cares for patients (the care team is kept on {@link Patient}). */
@Entity
public class Therapist extends Person {
    public Therapist() {
        timeZone = "Europe/Berlin";
    }

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
