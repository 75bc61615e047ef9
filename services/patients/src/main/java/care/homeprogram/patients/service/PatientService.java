package care.homeprogram.patients.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.rest.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.commons.validation.QuietHours;
import care.homeprogram.patients.domain.Patient;
import care.homeprogram.patients.domain.Therapist;
import care.homeprogram.patients.events.PatientEvents;
import care.homeprogram.patients.events.PatientEvents.Channels;
import care.homeprogram.patients.events.PatientEvents.PatientContact;
import care.homeprogram.patients.rest.PatientAccountView;
import care.homeprogram.patients.rest.PatientView;
import care.homeprogram.patients.rest.PreferencesUpdate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Patients and care teams: every read is scoped to the caller, every change is announced through the outbox. */
@ApplicationScoped
public class PatientService {
    private static final Logger LOG = Logger.getLogger(PatientService.class);

    private final Outbox outbox;
    private final Clock clock;

    public PatientService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** A therapist's own patients; an admin's view is the account list without clinical or contact data. */
    @Transactional
    public Page<?> list(CurrentUser caller, int page, int size) {
        if (caller.isTherapist()) {
            return new Page<>(Patient.inCareOf(caller.id(), page, size).stream().map(PatientView::of).toList(),
                    Patient.countInCareOf(caller.id()));
        }
        if (caller.isAdmin()) {
            return new Page<>(Patient.all(page, size).stream().map(PatientAccountView::of).toList(), Patient.count());
        }
        throw new ProblemException(403, "forbidden", "Not allowed", "Your role may not list patients");
    }

    /** The patient themself or a therapist in their care team; anyone else gets 404, as if it did not exist. */
    @Transactional
    public PatientView get(CurrentUser caller, UUID id) {
        Patient patient = Patient.byId(id).orElseThrow(() -> ProblemException.notFound("Patient " + id));
        boolean allowed = (caller.isPatient() && patient.id.equals(caller.id()))
                || (caller.isTherapist() && patient.inCareOf(caller.id()));
        if (!allowed) {
            throw ProblemException.notFound("Patient " + id);
        }
        return PatientView.of(patient);
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

    /** Records a patient whose login account already exists (demo users, accounts created by an admin). */
    @Transactional
    public void registerExistingAccount(Patient patient, Collection<UUID> therapistIds) {
        patient.createdAt = OffsetDateTime.now(clock);
        for (UUID therapistId : therapistIds) {
            Therapist therapist = Therapist.<Therapist>findByIdOptional(therapistId)
                    .orElseThrow(() -> ProblemException.badRequest("unknown therapist " + therapistId));
            patient.therapists.add(therapist);
        }
        patient.persist();
        outbox.append(PatientEvents.TOPIC, PatientEvents.PATIENT_REGISTERED, patient.id, contact(patient));
        LOG.infof("patient %s registered in the care of %s", patient.id, therapistIds);
    }

    @Transactional
    public void registerTherapist(Therapist therapist) {
        therapist.persist();
    }

    private Patient own(CurrentUser caller) {
        if (!caller.isPatient()) {
            throw new ProblemException(403, "forbidden", "Not allowed", "Only patients have a patient record");
        }
        return Patient.byId(caller.id())
                .orElseThrow(() -> ProblemException.notFound("Your patient record"));
    }

    static PatientContact contact(Patient p) {
        return new PatientContact(p.id, p.therapists.stream().map(t -> t.id).sorted().toList(), p.email, p.timeZone,
                new QuietHours(p.quietStart, p.quietEnd), new Channels(p.emailEnabled, p.inAppEnabled),
                p.status.name());
    }

    private static void apply(String value, java.util.function.Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }

}
