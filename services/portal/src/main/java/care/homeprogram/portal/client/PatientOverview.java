package care.homeprogram.portal.client;

import java.util.List;
import java.util.UUID;

/**
 * plan-service's one read for the therapist's page of a patient ({@code GET /api/plans/overview}, docs/api.md "The
 * patient overview"): the plans, the open alerts, the scores and instruments, and the leading plan's details.
 */
public record PatientOverview(UUID patientId, List<Plan> plans, List<Alert> openAlerts, Measure.History scores,
        List<Instrument> instruments, Current current) {
    public PatientOverview {
        plans = plans == null ? List.of() : plans;
        openAlerts = openAlerts == null ? List.of() : openAlerts;
        scores = scores == null ? new Measure.History(patientId, List.of()) : scores;
        instruments = instruments == null ? List.of() : instruments;
    }

    /**
     * The plan the page leads with ({@code planId}, one of {@link #plans}) and its details; {@code earlierVersions} the
     * plan at the versions before its current one, newest first.
     */
    public record Current(UUID planId, List<Session> sessions, Adherence adherence, List<PlanVersion> versions,
            List<Plan> earlierVersions, List<Measure.Schedule> measureSchedules) {
        public Current {
            sessions = sessions == null ? List.of() : sessions;
            versions = versions == null ? List.of() : versions;
            earlierVersions = earlierVersions == null ? List.of() : earlierVersions;
            measureSchedules = measureSchedules == null ? List.of() : measureSchedules;
        }
    }
}
