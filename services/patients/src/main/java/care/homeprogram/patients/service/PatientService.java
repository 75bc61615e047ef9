package care.homeprogram.patients.service;

import care.homeprogram.commons.audit.AuditContext;
import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.contract.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.QuietHours;
import care.homeprogram.patients.domain.CareTeamRequest;
import care.homeprogram.contract.events.IntakeFlag;
import care.homeprogram.patients.domain.IntakeScreening;
import care.homeprogram.patients.domain.Patient;
import care.homeprogram.patients.domain.Person;
import care.homeprogram.patients.domain.Therapist;
import care.homeprogram.contract.events.PatientEvents;
import care.homeprogram.contract.events.PatientEvents.CareTeamAdminChange;
import care.homeprogram.contract.events.PatientEvents.Channels;
import care.homeprogram.contract.events.PatientEvents.IntakeScreened;
import care.homeprogram.contract.events.PatientEvents.PatientContact;
import care.homeprogram.contract.events.PatientEvents.TherapistContact;
import care.homeprogram.patients.api.BillingIdentity;
import care.homeprogram.patients.api.CareTeamRequestToDecide;
import care.homeprogram.patients.api.CareTeamRequestView;
import care.homeprogram.patients.api.CareTeamUpdate;
import care.homeprogram.patients.api.CareTeamView;
import care.homeprogram.patients.api.IntakeRequest;
import care.homeprogram.patients.api.IntakeView;
import care.homeprogram.patients.api.PatientAccountView;
import care.homeprogram.patients.api.PatientView;
import care.homeprogram.patients.api.PatientRepresentation;
import care.homeprogram.patients.api.CareTeamOutcome;
import care.homeprogram.patients.api.PreferencesUpdate;
import care.homeprogram.contract.events.CareTeamChangeStatus;
import care.homeprogram.contract.events.ContactStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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

    /** Who the request's data belongs to, for the audit trail (field-injected: the constructor stays as it is). */
    @Inject
    AuditContext audit;

    public PatientService(Outbox outbox, PatientRecords records, Clock clock) {
        this.outbox = outbox;
        this.records = records;
        this.clock = clock;
    }

    /** A therapist's own patients; an admin's view is the account list without clinical or contact data. */
    @Transactional
    public Page<PatientRepresentation> list(CurrentUser caller, String query, int page, int size) {
        if (caller.isTherapist()) {
            List<Patient> shown = Patient.inCareOf(caller.id(), query, page, size);
            audit.concernsPatients(shown.stream().map(p -> p.id).toList()); // a record per patient listed
            return new Page<>(shown.stream().<PatientRepresentation>map(PatientView::of).toList(),
                    Patient.countInCareOf(caller.id(), query));
        }
        if (caller.isAdmin()) {
            List<Patient> shown = Patient.all(query, page, size);
            audit.concernsPatients(shown.stream().map(p -> p.id).toList()); // account data is still the patient's
            return new Page<>(shown.stream().<PatientRepresentation>map(PatientAccountView::of).toList(),
                    Patient.countAll(query));
        }
        throw new ProblemException(403, "forbidden", "Not allowed", "Your role may not list patients");
    }

    /** At most this many patients per lookup: a month of a clinic's RTM ledger, and a bound on one request's audit rows. */
    public static final int MAX_BILLING_IDENTITIES = 500;

    /**
     * Billing staff name the patients of the clinic's RTM ledger to payers: for each known id, the full name and birth
     * date, nothing else (docs/security.md, "Billing staff"). Each patient answered for is a record of their audit
     * trail; an unknown id is left out, as it holds nobody's data.
     *
     * @return in the order asked, each patient once
     */
    @Transactional
    public List<BillingIdentity> billingIdentities(CurrentUser caller, Collection<UUID> ids) {
        if (!caller.isBilling()) {
            throw new ProblemException(403, "forbidden", "Not allowed", "Only billing staff look up patients' names");
        }
        Set<UUID> asked = new LinkedHashSet<>(ids);
        if (asked.isEmpty()) {
            throw ProblemException.invalidField("id", "name at least one patient id");
        }
        if (asked.size() > MAX_BILLING_IDENTITIES) {
            throw ProblemException.invalidField("id", "at most " + MAX_BILLING_IDENTITIES + " patient ids at once");
        }
        Map<UUID, Patient> found = new HashMap<>();
        Patient.byIds(asked).forEach(p -> found.put(p.id, p));
        List<Patient> answered = asked.stream().filter(found::containsKey).map(found::get).toList();
        audit.concernsPatients(answered.stream().map(p -> p.id).toList()); // a record per patient named
        return answered.stream().map(BillingIdentity::of).toList();
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
        apply(update.preferredLanguage(), v -> patient.preferredLanguage = v);
        applyPreferences(patient, update.timeZone(), update.quietHours(), update.channels());
        outbox.append(PatientEvents.PATIENT_CONTACT_CHANGED, patient.id, contact(patient));
        LOG.infof("patient %s changed contact preferences", patient.id);
        return PatientView.of(patient);
    }

    /**
     * A therapist in the patient's care (who may add colleagues or hand over) sets the whole team at once. An admin
     * does too when the change gives nobody new access to clinical data: it only removes therapists, or the patient has
     * neither a care team nor an intake screen yet (a new patient's first therapist). Any other admin change adds a
     * therapist to a patient with clinical data, so it waits as a {@link CareTeamRequest} until a therapist of the
     * current team (or the patient, if the team is empty) confirms it: an admin alone can never make an account that
     * reads a patient's record (docs/security.md). Either way the patient and the existing team are told.
     *
     * @return the team now ({@link CareTeamView}) or the pending request ({@link CareTeamRequestView})
     */
    @Transactional
    public CareTeamOutcome setCareTeam(CurrentUser caller, UUID id, CareTeamUpdate update) {
        Patient patient = Patient.byId(id).orElseThrow(() -> ProblemException.notFound("Patient " + id));
        if (!caller.isAdmin() && !(caller.isTherapist() && patient.inCareOf(caller.id()))) {
            throw ProblemException.notFound("Patient " + id);
        }
        Set<Therapist> team = activeTherapists(update.therapistIds());
        if (!caller.isAdmin()) {
            return applyTeam(patient, team, caller.id());
        }
        List<UUID> existing = patient.therapists.stream().map(t -> t.id).sorted().toList();
        boolean adds = team.stream().anyMatch(t -> !patient.inCareOf(t.id));
        boolean firstTeam = existing.isEmpty() && patient.intakeScreenedAt == null;
        if (!adds || firstTeam) {
            CareTeamView view = applyTeam(patient, team, caller.id());
            outbox.append(PatientEvents.CARE_TEAM_ADMIN_CHANGE, patient.id,
                    new CareTeamAdminChange(patient.id, null, existing, CareTeamChangeStatus.APPLIED));
            return view;
        }
        CareTeamRequest request = new CareTeamRequest();
        request.id = UUID.randomUUID();
        request.patientId = patient.id;
        request.requestedBy = caller.id();
        request.requestedAt = OffsetDateTime.now(clock);
        team.forEach(t -> request.therapistIds.add(t.id));
        request.persist();
        outbox.append(PatientEvents.CARE_TEAM_ADMIN_CHANGE, patient.id,
                new CareTeamAdminChange(patient.id, request.id, existing, CareTeamChangeStatus.PENDING));
        LOG.infof("care-team request %s for patient %s by admin %s waits for a care-team therapist", request.id,
                patient.id, caller.id());
        return CareTeamRequestView.of(request);
    }

    /** The pending requests of a patient: to a therapist in the care team, the patient themself, or an admin. */
    @Transactional
    public List<CareTeamRequestView> careTeamRequests(CurrentUser caller, UUID id) {
        Patient patient = Patient.byId(id).orElseThrow(() -> ProblemException.notFound("Patient " + id));
        if (!caller.isAdmin() && !mayDecide(caller, patient)) {
            throw ProblemException.notFound("Patient " + id);
        }
        return CareTeamRequest.pendingFor(patient.id).stream().map(CareTeamRequestView::of).toList();
    }

    /** The care team of a patient: to the patient themself, a therapist in it, or an admin (who assigns it). */
    @Transactional
    public CareTeamView careTeam(CurrentUser caller, UUID id) {
        Patient patient = Patient.byId(id).orElseThrow(() -> ProblemException.notFound("Patient " + id));
        boolean allowed = caller.isAdmin() || (caller.isPatient() && patient.id.equals(caller.id()))
                || (caller.isTherapist() && patient.inCareOf(caller.id()));
        if (!allowed) {
            throw ProblemException.notFound("Patient " + id);
        }
        return careTeam(patient);
    }

    /** The admins' requests a therapist may decide: those about patients in their care, oldest first. */
    @Transactional
    public List<CareTeamRequestToDecide> careTeamRequestsToDecide(CurrentUser caller, int limit) {
        if (!caller.isTherapist()) {
            throw new ProblemException(403, "forbidden", "Not allowed", "Only therapists decide care-team requests");
        }
        List<CareTeamRequestToDecide> requests = CareTeamRequest.pendingInCareOf(caller.id(), limit).stream()
                .map(r -> CareTeamRequestToDecide.of(r, Patient.byId(r.patientId).orElseThrow()))
                .toList();
        audit.concernsPatients(requests.stream().map(CareTeamRequestToDecide::patientId).distinct().toList());
        return requests;
    }

    /**
     * A therapist of the current care team (or, when the team is empty, the patient) accepts an admin's request:
     * the requested team takes effect as if they had set it themself. Admins can never confirm.
     */
    @Transactional
    public CareTeamView confirmCareTeamRequest(CurrentUser caller, UUID id, UUID requestId) {
        Patient patient = decidable(caller, id);
        CareTeamRequest request = pending(patient, requestId);
        Set<Therapist> team = activeTherapists(request.therapistIds);
        decide(request, CareTeamRequest.Status.CONFIRMED, caller);
        LOG.infof("care-team request %s for patient %s confirmed by %s", request.id, patient.id, caller.id());
        return applyTeam(patient, team, caller.id());
    }

    @Transactional
    public CareTeamRequestView declineCareTeamRequest(CurrentUser caller, UUID id, UUID requestId) {
        Patient patient = decidable(caller, id);
        CareTeamRequest request = pending(patient, requestId);
        decide(request, CareTeamRequest.Status.DECLINED, caller);
        LOG.infof("care-team request %s for patient %s declined by %s", request.id, patient.id, caller.id());
        return CareTeamRequestView.of(request);
    }

    private Patient decidable(CurrentUser caller, UUID id) {
        return Patient.byId(id).filter(p -> mayDecide(caller, p))
                .orElseThrow(() -> ProblemException.notFound("Patient " + id));
    }

    /** Who may accept an admin's request: someone who already has the access it would share. */
    private static boolean mayDecide(CurrentUser caller, Patient patient) {
        return (caller.isTherapist() && patient.inCareOf(caller.id()))
                || (caller.isPatient() && patient.id.equals(caller.id()) && patient.therapists.isEmpty());
    }

    private static CareTeamRequest pending(Patient patient, UUID requestId) {
        CareTeamRequest request = CareTeamRequest.of(patient.id, requestId)
                .orElseThrow(() -> ProblemException.notFound("Care-team request " + requestId));
        if (request.status != CareTeamRequest.Status.PENDING) {
            throw ProblemException.conflict("request-decided", "This care-team request was already "
                    + request.status.name().toLowerCase(java.util.Locale.ROOT));
        }
        return request;
    }

    private void decide(CareTeamRequest request, CareTeamRequest.Status status, CurrentUser caller) {
        request.status = status;
        request.decidedBy = caller.id();
        request.decidedAt = OffsetDateTime.now(clock);
    }

    private static Set<Therapist> activeTherapists(Collection<UUID> ids) {
        Set<Therapist> team = new LinkedHashSet<>();
        for (UUID therapistId : new LinkedHashSet<>(ids)) {
            Therapist therapist = Therapist.byId(therapistId)
                    .filter(t -> t.status == Patient.Status.ACTIVE)
                    .orElseThrow(() -> ProblemException.badRequest("unknown or disabled therapist " + therapistId));
            team.add(therapist);
        }
        return team;
    }

    private CareTeamView applyTeam(Patient patient, Set<Therapist> team, UUID by) {
        patient.therapists.clear();
        patient.therapists.addAll(team);
        outbox.append(PatientEvents.CARE_TEAM_CHANGED, patient.id, contact(patient));
        LOG.infof("care team of patient %s is now %s (set by %s)", patient.id,
                team.stream().map(t -> t.id).toList(), by);
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
        outbox.append(PatientEvents.INTAKE_SCREENED, patient.id,
                new IntakeScreened(patient.id, flags.stream().sorted().toList(), patient.requiresSignOff));
        LOG.infof("intake of patient %s screened by %s: %d flags, sign-off %s", patient.id, screenedBy,
                flags.size(), patient.requiresSignOff ? "required" : "not required");
        return IntakeView.of(patient);
    }

    /** For a read only: the patient is loaded read-only ({@link Patient#toRead}). */
    private Patient reachable(CurrentUser caller, UUID id) {
        Patient patient = Patient.toRead(id).orElseThrow(() -> ProblemException.notFound("Patient " + id));
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
                ContactStatus.valueOf(p.status.name()), p.preferredLanguage);
    }

    static TherapistContact contact(Therapist t) {
        return new TherapistContact(t.id, t.email, t.timeZone, new Channels(t.emailEnabled, t.inAppEnabled),
                ContactStatus.valueOf(t.status.name()), new QuietHours(t.quietStart, t.quietEnd));
    }

    /**
     * A person's own notification preferences, the one place they are written (patient-service owns them;
     * notification-service only projects what the events announce). What is null stays as it was.
     */
    static void applyPreferences(Person person, String timeZone, QuietHours quietHours, Channels channels) {
        apply(timeZone, v -> person.timeZone = v);
        if (quietHours != null) {
            person.quietStart = quietHours.start();
            person.quietEnd = quietHours.end();
        }
        if (channels != null) {
            person.emailEnabled = channels.email();
            person.inAppEnabled = channels.inApp();
        }
    }

    private static void apply(String value, java.util.function.Consumer<String> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
