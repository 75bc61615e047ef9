package care.homeprogram.portal.client;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * patient-service (patients, therapists, accounts, audit), called as the signed-in person. Same rules as
 * {@link PlansClient}: reads retry once, writes never; refusals pass through, failures become "unavailable".
 * Account writes go through Keycloak's admin API, so they get a longer timeout.
 */
@ApplicationScoped
public class PatientsClient {
    static final String SERVICE = "patient-service";

    private final PatientsApi api;
    private final Bearer bearer;

    public PatientsClient(@RestClient PatientsApi api, Bearer bearer) {
        this.api = api;
        this.bearer = bearer;
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "patientsDown", skipOn = ServiceProblem.class)
    public Page<Patient> patients(String query, int page, int size) {
        return api.patients(bearer.header(), query, page, size);
    }

    Page<Patient> patientsDown(String query, int page, int size) {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "patientDown", skipOn = ServiceProblem.class)
    public Patient patient(UUID id) {
        return api.patient(bearer.header(), id);
    }

    Patient patientDown(UUID id) {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "meDown", skipOn = ServiceProblem.class)
    public Patient me() {
        return api.me(bearer.header());
    }

    Patient meDown() {
        throw down();
    }

    /** The signed-in patient's own intake screen ({@code screenedAt} null while none is recorded). */
    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "myIntakeDown", skipOn = ServiceProblem.class)
    public Patient.Intake myIntake() {
        return api.myIntake(bearer.header());
    }

    Patient.Intake myIntakeDown() {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "therapistsDown", skipOn = ServiceProblem.class)
    public Page<Therapist> therapists() {
        return api.therapists(bearer.header(), 100);
    }

    Page<Therapist> therapistsDown() {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "accountsDown", skipOn = ServiceProblem.class)
    public Page<Account> accounts(String role, String query, int page, int size) {
        return api.accounts(bearer.header(), role, query, page, size);
    }

    Page<Account> accountsDown(String role, String query, int page, int size) {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "accountDown", skipOn = ServiceProblem.class)
    public Account account(UUID id) {
        return api.account(bearer.header(), id);
    }

    Account accountDown(UUID id) {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "auditDown", skipOn = ServiceProblem.class)
    public Page<AuditEntry> audit(UUID patientId, String actor, int page, int size) {
        return api.audit(bearer.header(), patientId, actor, page, size);
    }

    Page<AuditEntry> auditDown(UUID patientId, String actor, int page, int size) {
        throw down();
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "createPatientDown", skipOn = ServiceProblem.class)
    public Patient createPatient(NewPatient patient) {
        return api.createPatient(bearer.header(), patient);
    }

    Patient createPatientDown(NewPatient patient) {
        throw down();
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "updateMeDown", skipOn = ServiceProblem.class)
    public Patient updateMe(PatientPreferences preferences) {
        return api.updateMe(bearer.header(), preferences);
    }

    Patient updateMeDown(PatientPreferences preferences) {
        throw down();
    }

    /** A therapist of the patient's care team records (or re-records) the intake screen. */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "screenDown", skipOn = ServiceProblem.class)
    public Patient.Intake screen(UUID patientId, IntakeAnswers answers) {
        return api.screen(bearer.header(), patientId, answers);
    }

    Patient.Intake screenDown(UUID patientId, IntakeAnswers answers) {
        throw down();
    }

    /** The patient answers the intake screen themself, once (then 409 {@code intake-recorded}). */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "screenMyselfDown", skipOn = ServiceProblem.class)
    public Patient.Intake screenMyself(IntakeAnswers answers) {
        return api.screenMyself(bearer.header(), answers);
    }

    Patient.Intake screenMyselfDown(IntakeAnswers answers) {
        throw down();
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "createAccountDown", skipOn = ServiceProblem.class)
    public Account createAccount(NewAccount account) {
        return api.createAccount(bearer.header(), account);
    }

    Account createAccountDown(NewAccount account) {
        throw down();
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "changeAccountDown", skipOn = ServiceProblem.class)
    public Account changeAccount(UUID id, AccountChange change) {
        return api.changeAccount(bearer.header(), id, change);
    }

    Account changeAccountDown(UUID id, AccountChange change) {
        throw down();
    }

    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "resetCredentialsDown", skipOn = ServiceProblem.class)
    public void resetCredentials(UUID id, String temporaryPassword) {
        api.resetCredentials(bearer.header(), id, new CredentialsReset(temporaryPassword));
    }

    void resetCredentialsDown(UUID id, String temporaryPassword) {
        throw down();
    }

    private static ServiceUnavailable down() {
        return new ServiceUnavailable(SERVICE, null);
    }
}
