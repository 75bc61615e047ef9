package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A reusable program, e.g. "Acute back spasm — 4 weeks". */
@Entity
public class Template extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String condition;

    @Column(name = "owner_therapist_id")
    public UUID ownerTherapistId;

    /** The owner shares the template with every therapist of the clinic; otherwise it is the owner's alone. */
    @Column(name = "shared_with_clinic", nullable = false)
    public boolean sharedWithClinic;

    /** For the acute phase: a plan built from it is acute, so static holds are capped (docs/clinical-rules.md). */
    @Column(nullable = false)
    public boolean acute;

    @OneToMany(mappedBy = "template", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<TemplateItem> items = new ArrayList<>();

    /** Seeded templates and shared ones are the clinic's; a private template is its owner's alone. */
    public boolean usableBy(UUID therapistId) {
        return ownerTherapistId == null || sharedWithClinic || ownerTherapistId.equals(therapistId);
    }

    /** The clinic's templates and the therapist's own. */
    public static final String VISIBLE = "ownerTherapistId is null or sharedWithClinic = true or ownerTherapistId = ?1";

    public static Optional<Template> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
