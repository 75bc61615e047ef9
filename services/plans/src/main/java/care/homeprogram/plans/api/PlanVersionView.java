package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanVersion;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One entry of a plan's history: which version, its status, who changed it, when and why. */
public record PlanVersionView(int version, Plan.Status status, UUID changedBy, OffsetDateTime changedAt,
        String reason) {

    public static PlanVersionView of(PlanVersion v) {
        return new PlanVersionView(v.key.version(), v.snapshot.status(), v.changedBy, v.changedAt, v.reason);
    }
}
