package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/** PUT /api/templates/{id}: the owner's name, description, sharing and items (the whole list). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TemplateChange(String name, String description, Boolean sharedWithClinic, List<Item> items) {

    public record Item(UUID exerciseId, Integer startWeek, Dose dose, List<String> targetRegions) {
    }

    /** POST /api/templates: save a plan's current items as the caller's template. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FromPlan(UUID planId, String name, String description, Boolean sharedWithClinic) {
    }
}
