package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A therapist's own library entry as sent to plan-service (POST /api/exercises, PUT /api/exercises/{id}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExerciseChange(String name, String category, String summary, List<String> instructions,
        List<String> cautions, String whySafe, Dose defaultDose, String temperature, List<String> bodyRegions,
        Boolean sharedWithClinic) {
}
