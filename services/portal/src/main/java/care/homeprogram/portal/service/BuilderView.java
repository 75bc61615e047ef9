package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Exercise;
import care.homeprogram.portal.client.Template;
import java.util.List;
import java.util.UUID;

/**
 * The program builder: start from a template or the library, set each item's dose, preview what the patient will
 * read, assign. With a {@code planId} it edits an existing plan instead (a new version, with a reason).
 * {@code notScreened}: patient-service says no intake screen is recorded, so the plan cannot become active yet;
 * {@code intakeFlags} are in words.
 */
public record BuilderView(UUID patientId, String patientName, boolean requiresSignOff, List<String> intakeFlags,
        boolean notScreened, List<Template> templates, List<Exercise> library, UUID templateId, PlanForm form,
        boolean preview, boolean signOff, UUID planId, String reason, String progressionNote) {

    /** Form-level messages of the intake gate, shown above the items. */
    public static final String INTAKE_SCREENING = "intakeScreening";
    public static final String INTAKE_UNAVAILABLE = "intakeUnavailable";

    /** The "not screened yet" hint, unless plan-service's refusal already says so. */
    public boolean showNotScreened() {
        return notScreened && form.error(INTAKE_SCREENING) == null;
    }

    /** Where the therapist records the intake screen: the patient's page, at its intake section. */
    public String intakeLink() {
        return "/patients/" + patientId + "#intake";
    }

    public boolean editing() {
        return planId != null;
    }

    public String action() {
        return editing() ? "/patients/" + patientId + "/plans/" + planId + "/edit"
                : "/patients/" + patientId + "/plans/new";
    }

    public static final List<String> DAYS = List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY",
            "SATURDAY", "SUNDAY");

    public List<String> days() {
        return DAYS;
    }

    public static String shortDay(String day) {
        return day.charAt(0) + day.substring(1, 3).toLowerCase(java.util.Locale.ROOT);
    }
}
