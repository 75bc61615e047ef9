package care.homeprogram.portal.client;

import care.homeprogram.contract.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * patient-service (patients, therapists, accounts, audit), called as the signed-in person. Same pattern as
 * {@link PlansClient}: {@link ServiceCalls} reads (retried) and writes (sent once).
 */
@ApplicationScoped
public class PatientsClient {
    static final String SERVICE = "patient-service";

    private final PatientsApi api;
    private final ServiceCalls calls;

    public PatientsClient(@RestClient PatientsApi api) {
        this.api = api;
        this.calls = new ServiceCalls(SERVICE);
    }

    public Page<Patient> patients(String query, int page, int size) {
        return calls.read(() -> api.patients(query, page, size));
    }

    public Patient patient(UUID id) {
        return calls.read(() -> api.patient(id));
    }

    /** Billing staff: the name and birth date of each known patient among {@code ids} (at most 500; unknown: absent). */
    public List<BillingIdentity> billingIdentities(List<UUID> ids) {
        return calls.read(() -> api.billingIdentities(ids));
    }

    public Patient me() {
        return calls.read(() -> api.me());
    }

    /** The signed-in patient's own intake screen ({@code screenedAt} null while none is recorded). */
    public Patient.Intake myIntake() {
        return calls.read(() -> api.myIntake());
    }

    public Page<Therapist> therapists() {
        return calls.read(() -> api.therapists(100));
    }

    public Page<Account> accounts(String role, String query, int page, int size) {
        return calls.read(() -> api.accounts(role, query, page, size));
    }

    public Account account(UUID id) {
        return calls.read(() -> api.account(id));
    }

    public Page<AuditEntry> audit(UUID patientId, String actor, int page, int size) {
        return calls.read(() -> api.audit(patientId, actor, page, size));
    }

    public CreatedLogin createPatient(NewPatient patient) {
        return calls.write(() -> api.createPatient(patient));
    }

    public Patient updateMe(PatientPreferences preferences) {
        return calls.write(() -> api.updateMe(preferences));
    }

    /** A therapist of the patient's care team records (or re-records) the intake screen. */
    public Patient.Intake screen(UUID patientId, IntakeAnswers answers) {
        return calls.write(() -> api.screen(patientId, answers));
    }

    /** The patient answers the intake screen themself, once (then 409 {@code intake-recorded}). */
    public Patient.Intake screenMyself(IntakeAnswers answers) {
        return calls.write(() -> api.screenMyself(answers));
    }

    public CreatedLogin createAccount(NewAccount account) {
        return calls.write(() -> api.createAccount(account));
    }

    public Account changeAccount(UUID id, AccountChange change) {
        return calls.write(() -> api.changeAccount(id, change));
    }

    public void resetCredentials(UUID id, String temporaryPassword) {
        calls.write(() -> api.resetCredentials(id, new CredentialsReset(temporaryPassword)));
    }

    // Care teams (an admin assigns and hands over; a therapist of the team confirms or declines).

    public CareTeam careTeam(UUID patientId) {
        return calls.read(() -> api.careTeam(patientId));
    }

    /** An admin's or a therapist's change of the whole team: applied at once, or a pending request (202). */
    public CareTeamRequest setCareTeam(UUID patientId, java.util.List<UUID> therapistIds) {
        return calls.write(() -> api.setCareTeam(patientId, new CareTeamUpdate(therapistIds)));
    }

    public java.util.List<CareTeamRequest> careTeamRequests(UUID patientId) {
        return calls.read(() -> api.careTeamRequests(patientId));
    }

    /** The pending requests the signed-in therapist may decide, oldest first (at most 100). */
    public java.util.List<CareTeamRequestToDecide> careTeamRequestsToDecide() {
        return calls.read(() -> api.careTeamRequestsToDecide(100));
    }

    public CareTeam confirmCareTeamRequest(UUID patientId, UUID requestId) {
        return calls.write(() -> api.confirmCareTeamRequest(patientId, requestId));
    }

    public CareTeamRequest declineCareTeamRequest(UUID patientId, UUID requestId) {
        return calls.write(() -> api.declineCareTeamRequest(patientId, requestId));
    }

    public Page<Therapist> searchTherapists(String query, int page, int size) {
        return calls.read(() -> api.searchTherapists(query, page, size));
    }

    public Therapist therapist(UUID id) {
        return calls.read(() -> api.therapist(id));
    }
}
