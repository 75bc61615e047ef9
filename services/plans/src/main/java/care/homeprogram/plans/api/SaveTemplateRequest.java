package care.homeprogram.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * POST /api/templates: save a plan's current items and doses as a reusable template; the template is the author's
 * alone unless {@code sharedWithClinic: true}.
 */
public record SaveTemplateRequest(@NotNull UUID planId, @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description, Boolean sharedWithClinic) {
}
