package care.homeprogram.contract.events;

import care.homeprogram.contract.QuietHours;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/**
 * What patient-service tells the others on {@code patient-events} (docs/events.md). Only what consumers need: who is
 * in whose care, how and when a person may be contacted, whether a plan needs a sign-off. Never names, birth dates
 * or diagnoses. {@code @NotNull} marks what a consumer cannot do without: an event lacking it is dead-lettered.
 */
public final class PatientEvents {
    public static final String TOPIC = "patient-events";

    public static final EventType<PatientContact> PATIENT_REGISTERED = type("PatientRegistered", PatientContact.class);
    public static final EventType<PatientContact> PATIENT_CONTACT_CHANGED = type("PatientContactChanged",
            PatientContact.class);
    public static final EventType<PatientContact> PATIENT_DEACTIVATED = type("PatientDeactivated",
            PatientContact.class);
    public static final EventType<PatientContact> PATIENT_REACTIVATED = type("PatientReactivated",
            PatientContact.class);
    public static final EventType<PatientContact> CARE_TEAM_CHANGED = type("CareTeamChanged", PatientContact.class);
    public static final EventType<CareTeamAdminChange> CARE_TEAM_ADMIN_CHANGE = type("CareTeamAdminChange",
            CareTeamAdminChange.class);
    public static final EventType<IntakeScreened> INTAKE_SCREENED = type("IntakeScreened", IntakeScreened.class);
    public static final EventType<TherapistContact> THERAPIST_REGISTERED = type("TherapistRegistered",
            TherapistContact.class);
    public static final EventType<TherapistContact> THERAPIST_CONTACT_CHANGED = type("TherapistContactChanged",
            TherapistContact.class);

    /** Every event of the topic, for the contract tests and the docs. */
    public static final List<EventType<?>> ALL = List.of(PATIENT_REGISTERED, PATIENT_CONTACT_CHANGED,
            PATIENT_DEACTIVATED, PATIENT_REACTIVATED, CARE_TEAM_CHANGED, CARE_TEAM_ADMIN_CHANGE, INTAKE_SCREENED,
            THERAPIST_REGISTERED, THERAPIST_CONTACT_CHANGED);

    /** The five events that carry a patient's whole contact state: consumers upsert it. */
    public static final List<EventType<PatientContact>> CONTACT = List.of(PATIENT_REGISTERED, PATIENT_CONTACT_CHANGED,
            PATIENT_DEACTIVATED, PATIENT_REACTIVATED, CARE_TEAM_CHANGED);

    private PatientEvents() {
    }

    private static <T> EventType<T> type(String name, Class<T> data) {
        return new EventType<>(TOPIC, name, 1, data);
    }

    public record Channels(boolean email, boolean inApp) {
    }

    /**
     * The data of every patient contact event: the current contact state, so consumers simply upsert it.
     * {@code preferredLanguage} (a language tag such as {@code es} or {@code de-AT}, the language the patient's
     * messages are written in) was added later, and is absent for a patient without a preference: a consumer keeps
     * what it had when an event carries none, and reads English for a patient it never heard a language of.
     */
    public record PatientContact(@NotNull UUID patientId, List<UUID> therapistIds, String email, String timeZone,
            QuietHours quietHours, Channels channels, ContactStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) String preferredLanguage) {
    }

    /** The intake screen's outcome: plan-service refuses to activate a plan while a sign-off is required. */
    public record IntakeScreened(@NotNull UUID patientId, List<IntakeFlag> flags, boolean requiresSignOff) {
    }

    /**
     * How to reach a therapist with alerts: sent as TherapistRegistered when they are registered and again when their
     * status changes, as TherapistContactChanged when they change their preferences. {@code quietHours} was added
     * when patient-service became the one owner of preferences; a consumer keeps what it had when it is absent.
     */
    public record TherapistContact(@NotNull UUID therapistId, String email, String timeZone, Channels channels,
            ContactStatus status, QuietHours quietHours) {
    }

    /**
     * An admin changed (APPLIED) or asked to change (PENDING, {@code requestId} set) a patient's care team: the
     * patient and the therapists of the team as it was ({@code existingTherapistIds}) are told, and a pending change
     * waits for one of those therapists to confirm it. Ids only.
     */
    public record CareTeamAdminChange(@NotNull UUID patientId, UUID requestId, List<UUID> existingTherapistIds,
            CareTeamChangeStatus status) {
    }
}
