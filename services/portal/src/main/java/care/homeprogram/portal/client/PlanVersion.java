package care.homeprogram.portal.client;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a plan's history: which version, its status, who changed it, when and why. */
public record PlanVersion(int version, String status, UUID changedBy, OffsetDateTime changedAt, String reason) {
}
