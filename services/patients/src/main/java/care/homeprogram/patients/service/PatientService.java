package care.homeprogram.patients.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.rest.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.commons.validation.QuietHours;
import care.homeprogram.patients.domain.IntakeFlag;
import care.homeprogram.patients.domain.IntakeScreening;
import care.homeprogram.patients.domain.Patient;
import care.homeprogram.patients.domain.Therapist;
import care.homeprogram.patients.events.PatientEvents;
import care.homeprogram.patients.events.PatientEvents.Channels;
import care.homeprogram.patients.events.PatientEvents.IntakeScreened;
import care.homeprogram.patients.events.PatientEvents.PatientContact;
import care.homeprogram.patients.events.PatientEvents.TherapistContact;
import care.homeprogram.patients.rest.CareTeamUpdate;
import care.homeprogram.patients.rest.CareTeamView;
import care.homeprogram.patients.rest.IntakeRequest;
import care.homeprogram.patients.rest.IntakeView;
import care.homeprogram.patients.rest.PatientAccountView;
import care.homeprogram.patients.rest.PatientView;
import care.homeprogram.patients.rest.PreferencesUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Patients, care teams and intake screening: every read is scoped to the caller (a patient reaches their own record,
 * a therapist only patients in their care, an admin account data only), every change is announced through the outbox.
 */
@ApplicationScoped
public class PatientService {
    private static final Logger LOG = Logger.getLogger(PatientService.class);

    private final Outbox outbox;
    private final PatientRecords records;
    private final Clock clock;

    public PatientService(Outbox outbox, PatientRecords records, Clock clock) {
        this.outbox = outbox;
        this.records = records;
        this.clock = clock;
    }

    /** A therapist's own patients; an admin's view is the account list without clinical or contact data. */
    @Transactional
    public Page<?> list(CurrentUser caller, String query, int page, int size) {
        if (caller.isTherapist()) {
            return new Page<>(Patient.inCareOf(caller.id(), query, page, size).stream().map(PatientView::of).toList(),
                    Patient.countInCareOf(caller.id(), query));
        }
        if (caller.isAdmin()) {
            return new Page<>(Patient.all(query, page, size).stream().map(PatientAccountView::of).toList(),
                    Patient.countAll(query));
        }
        throw new ProblemException(403, "forbidden", "Not allowed", "Your role may not list patients");
    }

    /** The patient themself or a therapist in their care team; anyone else gets 404, as if it did not exist. */
    @Transactional
    public PatientView get(CurrentUser caller, UUID id) {
        return PatientView.of(reachable(caller, id));
    }

    @Transactional
    public PatientView me(CurrentUser caller) {
        return PatientView.of(own(caller));
    }

    @Transactional
    public PatientView updatePreferences(CurrentUser caller, PreferencesUpdate update) {
        Patient patient = own(caller);
        apply(update.email(), v -> patient.email = v);
        apply(update.phone(), v -> patient.phone = v);
        apply(update.timeZone(), v -> patient.timeZone = v);
        apply(update.preferredLanguage(), v -> patient.preferredLanguage = v);
        if (update.quietHours() != null) {
            patient.quietStart = update.quietHours().start();
            patient.quietEnd = update.quietHours().end();
        }
        if (update.channels() != null) {
            patient.emailEnabled = update.channels().email();
            patient.inAppEnabled = update.channels().inApp();
        }
        outbox.append(PatientEvents.TOPIC, PatientEvents.PATIENT_CONTACT_CHANGED, patient.id, contact(patient));
        LOG.infof("patient %s changed contact preferences", patient.id);
        return PatientView.of(patient);
    }

    /** An admin, or a therapist in the patient's care (who may add colleagues or hand over), sets the whole team. */
    @Transactional
    public CareTeamView setCareTeam(CurrentUser caller, UUID id, CareTeamUpdate update) {
        Patient patient = Patient.byId(id).orElseThrow(() -> ProblemException.notFound("Patient " + id));
        if (!caller.isAdmin() && !(caller.isTherapist() && patient.inCareOf(caller.id()))) {
            throw ProblemException.notFound("Patient " + id);
        }
        Set<Therapist> team = new LinkedHashSet<>();
        for (UUID therapistId : new LinkedHashSet<>(update.therapistIds())) {
            Therapist therapist = Therapist.byId(therapistId)
                    .filter(t -> t.status == Patient.Status.ACTIVE)
                    .orElseThrow(() -> ProblemException.badRequest("unknown or disabled therapist " + therapistId));
            team.add(therapist);
        }
        patient.therapists.clear();
        patient.therapists.addAll(team);
        outbox.append(PatientEvents.TOPIC, PatientEvents.CARE_TEAM_CHANGED, patient.id, contact(patient));
        LOG.infof("care team of patient %s is now %s (set by %s)", patient.id,
                team.stream().map(t -> t.id).toList(), caller.id());
        return careTeam(patient);
    }

    @Transactional
    public IntakeView intake(CurrentUser caller, UUID id) {
        return IntakeView.of(reachable(caller, id));
    }

    /** A therapist in the patient's care records (or re-records) the intake screen. */
    @Transactional
    public IntakeView screen(CurrentUser caller, UUID id, IntakeRequest request) {
        Patient patient = Patient.byId(id).filter(p -> caller.isTherapist() && p.inCareOf(caller.id()))
                .orElseThrow(() -> ProblemException.notFound("Patient " + id));
        return record(caller.id(), patient, request);
    }

    /** The patient answers the intake screen themself at first sign-in; after that only their therapist may. */
    @Transactional
    public IntakeView screenMyself(CurrentUser caller, IntakeRequest request) {
        Patient patient = own(caller);
        if (patient.intakeScreenedAt != null) {
            throw ProblemException.conflict("intake-recorded",
                    "Your intake screen is recorded; your therapist can update it");
        }
        return record(caller.id(), patient, request);
    }

    /** Records a patient whose login account already exists (the demo users). */
    public void registerExistingAccount(Patient patient, Collection<UUID> therapistIds) {
        records.registerPatient(patient, therapistIds);
    }

    public void registerTherapist(Therapist therapist) {
        records.registerTherapist(therapist);
    }

    /**
     * The demo patients' screening, as their therapist recorded it (no flags), so the demo's plans can be assigned;
     * a real patient is screened by themself or their therapist through the API.
     */
    @Transactional
    public void recordDemoScreening(UUID patientId, UUID therapistId) {
        Patient.byId(patientId).filter(p -> p.intakeScreenedAt == null)
                .ifPresent(p -> record(therapistId, p, new IntakeRequest(null, false, false, false, false, false,
                        false, false, false, false, false)));
    }

    private IntakeView record(UUID screenedBy, Patient patient, IntakeRequest request) {
        Set<IntakeFlag> flags = IntakeScreening.flags(request.answers());
        patient.intakeFlags.clear();
        patient.intakeFlags.addAll(flags);
        patient.requiresSignOff = IntakeScreening.requiresSignOff(flags);
        patient.intakeScreenedAt = OffsetDateTime.now(clock);
        patient.intakeScreenedBy = screenedBy;
        outbox.append(PatientEvents.TOPIC, PatientEvents.INTAKE_SCREENED, patient.id,
                new IntakeScreened(patient.id, flags.stream().sorted().toList(), patient.requiresSignOff));
        LOG.infof("intake of patient %s screened by %s: %d flags, sign-off %s", patient.id, screenedBy,
                flags.size(), patient.requiresSignOff ? "required" : "not required");
        return IntakeView.of(patient);
    }

    private Patient reachable(CurrentUser caller, UUID id) {
        Patient patient = Patient.byId(id).orElseThrow(() -> ProblemException.notFound("Patient " + id));
        boolean allowed = (caller.isPatient() && patient.id.equals(caller.id()))
                || (caller.isTherapist() && patient.inCareOf(caller.id()));
        if (!allowed) {
            throw ProblemException.notFound("Patient " + id);
        }
        return patient;
    }

    private Patient own(CurrentUser caller) {
        if (!caller.isPatient()) {
            throw new ProblemException(403, "forbidden", "Not allowed", "Only patients have a patient record");
        }
        return Patient.byId(caller.id())
                .orElseThrow(() -> ProblemException.notFound("Your patient record"));
    }

    static CareTeamView careTeam(Patient p) {
        return new CareTeamView(p.id, p.therapists.stream().map(t -> t.id).sorted().toList());
    }

    static PatientContact contact(Patient p) {
        return new PatientContact(p.id, p.therapists.stream().map(t -> t.id).sorted().toList(), p.email, p.timeZone,
                new QuietHours(p.quietStart, p.quietEnd), new Channels(p.emailEnabled, p.inAppEnabled),
                p.status.name());
    }

    static TherapistContact contact(Therapist t) {
        return new TherapistContact(t.id, t.email, t.timeZone, new Channels(t.emailEnabled, t.inAppEnabled),
                t.status.name());
    }

    private static void apply(String value, java.util.function.Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
