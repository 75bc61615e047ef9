package care.homeprogram.plans.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/instruments/{key}/enable: the admin accepts the terms of the version they were shown. */
public record EnableInstrumentRequest(@NotNull Boolean acceptTerms, @NotBlank @Size(max = 60) String termsVersion) {
}
