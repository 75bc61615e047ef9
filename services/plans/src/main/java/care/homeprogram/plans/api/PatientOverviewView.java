package care.homeprogram.plans.api;

import java.util.List;
import java.util.UUID;

/**
 * What the therapist's page of one patient shows from plan-service, in one read ({@code GET
 * /api/plans/overview?patientId=}): the same views the separate reads answer, so a page needs one call instead of one
 * per plan, per version and per section.
 *
 * @param plans       every plan of the patient the therapist may see, drafts included, newest first
 * @param openAlerts  the patient's open alerts, newest first
 * @param scores      the patient's outcome-measure scores over time
 * @param instruments the enabled outcome-measure instruments (without their Questionnaires)
 * @param current     the plan the page leads with and its details; null when the patient has no plan
 */
public record PatientOverviewView(UUID patientId, List<PlanView> plans, List<AlertView> openAlerts,
        ScoreHistoryView scores, List<InstrumentView> instruments, CurrentPlan current) {

    /**
     * The plan the page leads with: the newest the patient follows (active or on hold), else the newest draft, else
     * the newest finished one.
     *
     * @param planId           which of {@code plans} it is
     * @param sessions         its sessions, withdrawn ones too, with their corrections
     * @param adherence        its weeks and the progression suggested
     * @param versions         its history, newest first
     * @param earlierVersions  the plan as it was at the versions before the current one, newest first, as far back as
     *                         {@code versionsBefore} asked (what a page needs to say what each recent version changed)
     * @param measureSchedules the outcome measures attached to it
     */
    public record CurrentPlan(UUID planId, List<SessionView> sessions, AdherenceView adherence,
            List<PlanVersionView> versions, List<PlanView> earlierVersions,
            List<MeasureScheduleView> measureSchedules) {
    }
}
