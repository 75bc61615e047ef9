package care.homeprogram.patients.events;

import care.homeprogram.commons.validation.QuietHours;
import care.homeprogram.patients.domain.IntakeFlag;
import java.util.List;
import java.util.UUID;

/**
 * What patient-service tells the others on {@code patient-events} (docs/events.md). Only what consumers need: who is
 * in whose care, how and when a person may be contacted, whether a plan needs a sign-off. Never names, birth dates
 * or diagnoses.
 */
public final class PatientEvents {
    public static final String TOPIC = "patient-events";
    public static final String PATIENT_REGISTERED = "PatientRegistered";
    public static final String PATIENT_CONTACT_CHANGED = "PatientContactChanged";
    public static final String PATIENT_DEACTIVATED = "PatientDeactivated";
    public static final String PATIENT_REACTIVATED = "PatientReactivated";
    public static final String CARE_TEAM_CHANGED = "CareTeamChanged";
    public static final String INTAKE_SCREENED = "IntakeScreened";
    public static final String THERAPIST_REGISTERED = "TherapistRegistered";

    private PatientEvents() {
    }

    public record Channels(boolean email, boolean inApp) {
    }

    /** The data of every patient event: the current contact state, so consumers simply upsert it. */
    public record PatientContact(UUID patientId, List<UUID> therapistIds, String email, String timeZone,
            QuietHours quietHours, Channels channels, String status) {
    }

    /** The intake screen's outcome: plan-service refuses to activate a plan while a sign-off is required. */
    public record IntakeScreened(UUID patientId, List<IntakeFlag> flags, boolean requiresSignOff) {
    }

    /** How to reach a therapist with alerts; sent when they are registered and again when their status changes. */
    public record TherapistContact(UUID therapistId, String email, String timeZone, Channels channels,
            String status) {
    }
}
