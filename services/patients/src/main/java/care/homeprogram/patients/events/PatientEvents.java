package care.homeprogram.patients.events;

import care.homeprogram.commons.validation.QuietHours;
import java.util.List;
import java.util.UUID;

/**
 * What patient-service tells the others on {@code patient-events}. Only what consumers need: who is in whose care,
 * how and when a person may be contacted. Never names, birth dates or anything clinical.
 */
public final class PatientEvents {
    public static final String TOPIC = "patient-events";
    public static final String PATIENT_REGISTERED = "PatientRegistered";
    public static final String PATIENT_CONTACT_CHANGED = "PatientContactChanged";

    private PatientEvents() {
    }

    public record Channels(boolean email, boolean inApp) {
    }

    /** The data of every patient event: the current contact state, so consumers simply upsert it. */
    public record PatientContact(UUID patientId, List<UUID> therapistIds, String email, String timeZone,
            QuietHours quietHours, Channels channels, String status) {
    }
}
