package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** PATCH /api/plans/{id}: status and/or the full new item list; every change needs a reason (a new version). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PlanChange(String status, List<NewPlan.Item> items, Boolean intakeSignOff, String reason) {
}
