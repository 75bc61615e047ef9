package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** POST /api/plans/{id}/sessions. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionLog(UUID itemId, OffsetDateTime performedAt, Integer setsDone, Integer repsDone,
        Integer painBefore, Integer painAfter, List<String> symptoms, String note, Boolean settledSinceLastSession) {
}
