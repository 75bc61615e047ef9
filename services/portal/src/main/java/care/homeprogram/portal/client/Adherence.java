package care.homeprogram.portal.client;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Adherence per program week and whether progression is suggested (the therapist decides). */
public record Adherence(UUID planId, List<Week> weeks, Progression progression, Dismissal progressionDismissal) {

    public Adherence {
        weeks = weeks == null ? List.of() : weeks;
    }

    public record Week(int week, LocalDate from, LocalDate to, int prescribed, int done, double adherence,
            int sessions, boolean allGreen) {
    }

    public record Progression(boolean suggested, Integer week, String reason) {
    }

    /** A therapist dismissed the suggestion of that week, kept by plan-service with who, when and why. */
    public record Dismissal(int week, UUID dismissedBy, java.time.OffsetDateTime dismissedAt, String reason) {
    }
}
