package care.homeprogram.plans.api;

import care.homeprogram.plans.service.Adherence;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Adherence per program week and whether progression is suggested (the therapist decides).
 * {@code progressionDismissal}: a therapist dismissed the suggestion of that week (who, when, why); null otherwise.
 */
public record AdherenceView(UUID planId, List<Adherence.Week> weeks, Adherence.Progression progression,
        Dismissal progressionDismissal) {

    public record Dismissal(int week, UUID dismissedBy, OffsetDateTime dismissedAt, String reason) {
    }
}
