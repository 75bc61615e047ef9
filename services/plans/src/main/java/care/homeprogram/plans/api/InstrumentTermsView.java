package care.homeprogram.plans.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.UUID;

/** GET /api/instruments/{key}/terms and POST .../enable: the owner's terms and whether (by whom) they were accepted. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstrumentTermsView(String key, String termsVersion, String text, boolean enabled, UUID acceptedBy,
        OffsetDateTime acceptedAt) {
}
