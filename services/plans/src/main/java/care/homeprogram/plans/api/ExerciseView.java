package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Exercise;
import java.util.List;
import java.util.UUID;

/** A library entry; {@code ownerTherapistId}: who may edit or archive it (null: seeded, the clinic's). */
public record ExerciseView(UUID id, String slug, String name, Exercise.Category category, String summary,
        List<String> instructions, List<String> cautions, String whySafe, Dose defaultDose, List<Exercise.Flag> flags,
        List<String> sources, boolean seeded, int contentVersion, Exercise.Temperature temperature,
        List<Exercise.BodyRegion> bodyRegions, boolean sharedWithClinic, UUID ownerTherapistId, boolean archived) {

    public static ExerciseView of(Exercise e) {
        return new ExerciseView(e.id, e.slug, e.name, e.category, e.summary, e.instructions, e.cautions, e.whySafe,
                e.defaultDose, e.flags, e.sources, e.ownerTherapistId == null, e.contentVersion, e.temperature,
                e.bodyRegions, e.sharedWithClinic, e.ownerTherapistId, e.archivedAt != null);
    }

    /** The same entry in other words (a translation of the shipped library); everything else unchanged. */
    public ExerciseView inWords(String name, String summary, List<String> instructions, List<String> cautions,
            String whySafe) {
        return new ExerciseView(id, slug, name, category, summary, instructions, cautions, whySafe, defaultDose, flags,
                sources, seeded, contentVersion, temperature, bodyRegions, sharedWithClinic, ownerTherapistId,
                archived);
    }
}
