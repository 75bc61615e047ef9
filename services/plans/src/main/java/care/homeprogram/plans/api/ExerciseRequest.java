package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Exercise;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A therapist's own library entry (POST /api/exercises, PUT /api/exercises/{id}). {@code temperature} (HEAT, COLD,
 * HEAT_AND_COLD) is required for a TEMPERATURE entry and {@code bodyRegions} for a MYOFASCIAL_RELEASE entry
 * (docs/clinical-rules.md, rule 6). {@code sharedWithClinic: true} lets every therapist of the clinic use the entry;
 * without it the entry is the author's alone (others get 404 for it).
 */
public record ExerciseRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull Exercise.Category category,
        @NotBlank @Size(max = 1000) String summary,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 1000) String> instructions,
        @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 1000) String> cautions,
        @NotBlank @Size(max = 1000) String whySafe,
        @NotNull @Valid Dose defaultDose,
        @Size(max = 4) List<Exercise.@NotNull Flag> flags,
        @Size(max = 10) List<@NotBlank @Size(max = 500) String> sources,
        Exercise.Temperature temperature,
        @Size(max = 13) List<Exercise.@NotNull BodyRegion> bodyRegions,
        Boolean sharedWithClinic) {
}
