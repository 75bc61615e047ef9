package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Adherence;
import care.homeprogram.portal.client.Alert;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.Plan;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The therapist's page for one patient: who they are, their current plan with its version history and sessions,
 * the pain trend, open alerts and whether progression is suggested. {@code catchingUp}: the patient is new and
 * plan-service has not heard of them yet (a moment after creation). {@code intakeForm}: the intake screen's form, as
 * recorded or as just posted with its messages. {@code outcomes}: the outcome measures of the current plan and the
 * patient's scores.
 */
public record PatientPageView(UUID patientId, Section<Patient> patient, Section<Current> plan, List<Plan> otherPlans,
        Section<List<AlertRow>> alerts, String zone, boolean catchingUp, IntakeForm intakeForm, OutcomesView outcomes) {

    public String name() {
        return patient.available() ? patient.value().fullName() : "Patient";
    }

    /** The same page with the intake form as posted (shown again with its messages). */
    public PatientPageView withIntakeForm(IntakeForm form) {
        return new PatientPageView(patientId, patient, plan, otherPlans, alerts, zone, catchingUp, form, outcomes);
    }

    /** The recorded intake screen, or null while none is recorded or the patient's record is unavailable. */
    public Patient.Intake intake() {
        Patient.Intake intake = patient.available() ? patient.value().intake() : null;
        return intake == null || intake.screenedAt() == null ? null : intake;
    }

    /** Whether the page knows the screen's state at all (patient-service answered, with an intake). */
    public boolean intakeKnown() {
        return patient.available() && patient.value().intake() != null;
    }

    /** "2 Dec 2026, 10:15, by the patient" or "…, by a therapist", in the patient's time zone. */
    public String intakeScreened() {
        Patient.Intake intake = intake();
        if (intake == null) {
            return "";
        }
        String when = Times.format(intake.screenedAt(), ZoneId.of(zone));
        if (intake.screenedBy() == null) {
            return when;
        }
        return when + (intake.screenedBy().equals(patientId) ? ", answered by the patient" : ", by a therapist");
    }

    /** The form is open while nothing is recorded, and when it comes back with messages. */
    public boolean intakeFormOpen() {
        return intake() == null || intakeForm.hasErrors();
    }

    public List<String> intakeFlags() {
        Patient.Intake intake = intake();
        return intake == null ? List.of() : Wording.intakeFlags(intake.flags());
    }

    /** The plan the therapist works on (the newest open one), with everything shown about it. */
    public record Current(Plan plan, List<ItemRow> items, List<VersionRow> history, List<SessionRow> sessions,
            PainTrend trend, Section<Adherence> adherence, boolean progressionSuggested, String progressionText,
            Integer progressionWeek) {

        public String statusText() {
            return Wording.planStatus(plan.status());
        }

        public boolean canPause() {
            return "ACTIVE".equals(plan.status());
        }

        public boolean canResume() {
            return "ON_HOLD".equals(plan.status()) || "DRAFT".equals(plan.status());
        }

        public boolean canComplete() {
            return "ACTIVE".equals(plan.status()) || "ON_HOLD".equals(plan.status());
        }

        public boolean editable() {
            return plan.isOpen();
        }

        /** The latest week's adherence in percent, or null while there is none. */
        public Integer lastWeekAdherence() {
            if (adherence.unavailable() || adherence.value().weeks().isEmpty()) {
                return null;
            }
            List<Adherence.Week> weeks = adherence.value().weeks();
            return (int) Math.round(weeks.get(weeks.size() - 1).adherence() * 100);
        }
    }

    public record ItemRow(Plan.Item item, String dose, boolean paused) {
        public String pausedReason() {
            return Wording.pausedReason(item.pausedReason());
        }
    }

    public record VersionRow(int version, String status, String who, String when, String reason,
            List<String> changes) {
    }

    /**
     * One session in a table. {@code changeable}: the patient's own history offers "Correct" and "Withdraw" for it
     * (logged less than 24 hours ago, not withdrawn); always false on the therapist's page.
     */
    public record SessionRow(String when, String item, int painBefore, int painAfter, String light,
            String decision, List<String> symptoms, String note, UUID planId, UUID sessionId, boolean changeable) {
    }

    /**
     * An open alert as the therapist reads it: {@code when} it was raised, {@code lastSeen} the latest report (shown
     * when it was reported more than once), and its escalation steps in words, oldest first, times in {@code zone}.
     */
    public record AlertRow(Alert alert, String when, String item, String lastSeen, List<String> escalations) {

        public static AlertRow of(Alert alert, ZoneId zone, String item) {
            List<String> steps = alert.escalations().stream()
                    .map(e -> Wording.escalation(e.step(), Times.format(e.at(), zone),
                            e.at() == null || alert.createdAt() == null ? null
                                    : Duration.between(alert.createdAt(), e.at())))
                    .toList();
            return new AlertRow(alert, Times.format(alert.createdAt(), zone), item,
                    Times.format(alert.lastSeenAt(), zone), steps);
        }

        public String severityClass() {
            return "LOW".equals(alert.severity()) ? "warn" : "bad";
        }

        /** Reported more than once while open. */
        public boolean repeated() {
            return alert.occurrences() > 1;
        }
    }
}
