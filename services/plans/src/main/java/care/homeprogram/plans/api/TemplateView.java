package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Template;
import java.util.List;
import java.util.UUID;

/**
 * A program template; {@code acute}: a plan built from it is acute-phase (static holds capped);
 * {@code ownerTherapistId}: the therapist who may edit or delete it (null: the clinic's).
 */
public record TemplateView(UUID id, String slug, String name, String description, String condition, boolean acute,
        List<Item> items, boolean sharedWithClinic, UUID ownerTherapistId) {

    public record Item(UUID exerciseId, String name, int startWeek, Dose dose,
            List<care.homeprogram.plans.domain.Exercise.BodyRegion> targetRegions) {
    }

    public static TemplateView of(Template t) {
        return new TemplateView(t.id, t.slug, t.name, t.description, t.condition, t.acute, t.items.stream()
                .map(i -> new Item(i.exercise.id, i.exercise.name, i.startWeek, i.dose, i.targetRegions)).toList(), t.sharedWithClinic,
                t.ownerTherapistId);
    }

    /** The same template in other words (a translation): its name, description and its items' names. */
    public TemplateView inWords(String name, String description,
            java.util.function.UnaryOperator<String> itemName) {
        return new TemplateView(id, slug, name, description, condition, acute, items.stream()
                .map(i -> new Item(i.exerciseId(), itemName.apply(i.name()), i.startWeek(), i.dose(),
                        i.targetRegions())).toList(), sharedWithClinic, ownerTherapistId);
    }
}
