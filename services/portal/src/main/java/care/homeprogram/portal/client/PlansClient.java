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
 * plan-service, called as the signed-in person. Reads time out, retry once and share a circuit breaker per method;
 * writes are never retried (a session logged twice would count twice). A service's refusal ({@link ServiceProblem})
 * passes through untouched; anything else becomes {@link ServiceUnavailable}, which the pages show as "temporarily
 * unavailable".
 */
@ApplicationScoped
public class PlansClient {
    static final String SERVICE = "plan-service";

    private final PlansApi api;
    private final Bearer bearer;

    public PlansClient(@RestClient PlansApi api, Bearer bearer) {
        this.api = api;
        this.bearer = bearer;
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "mineDown", skipOn = ServiceProblem.class)
    public Page<Plan> mine() {
        return api.mine(bearer.header());
    }

    Page<Plan> mineDown() {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "ofPatientDown", skipOn = ServiceProblem.class)
    public Page<Plan> ofPatient(UUID patientId) {
        return api.ofPatient(bearer.header(), patientId);
    }

    Page<Plan> ofPatientDown(UUID patientId) {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "planDown", skipOn = ServiceProblem.class)
    public Plan plan(UUID id, Integer version) {
        return api.plan(bearer.header(), id, version);
    }

    Plan planDown(UUID id, Integer version) {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "versionsDown", skipOn = ServiceProblem.class)
    public Page<PlanVersion> versions(UUID id) {
        return api.versions(bearer.header(), id);
    }

    Page<PlanVersion> versionsDown(UUID id) {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "sessionsDown", skipOn = ServiceProblem.class)
    public Page<Session> sessions(UUID planId) {
        return api.sessions(bearer.header(), planId);
    }

    Page<Session> sessionsDown(UUID planId) {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "adherenceDown", skipOn = ServiceProblem.class)
    public Adherence adherence(UUID planId) {
        return api.adherence(bearer.header(), planId);
    }

    Adherence adherenceDown(UUID planId) {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "alertsDown", skipOn = ServiceProblem.class)
    public Page<Alert> alerts(String status) {
        return api.alerts(bearer.header(), status);
    }

    Page<Alert> alertsDown(String status) {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "exercisesDown", skipOn = ServiceProblem.class)
    public Page<Exercise> exercises() {
        return api.exercises(bearer.header());
    }

    Page<Exercise> exercisesDown() {
        throw down();
    }

    @Timeout(value = 8, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "templatesDown", skipOn = ServiceProblem.class)
    public Page<Template> templates() {
        return api.templates(bearer.header());
    }

    Page<Template> templatesDown() {
        throw down();
    }

    /**
     * The patient's FHIR record as plan-service wrote it (application/fhir+json), passed on unchanged. The export
     * reads every plan and session of the patient, so it gets more time than a page's read.
     */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "fhirRecordDown", skipOn = ServiceProblem.class)
    public byte[] fhirRecord(UUID patientId) {
        return api.fhirRecord(bearer.header(), patientId);
    }

    byte[] fhirRecordDown(UUID patientId) {
        throw down();
    }

    /** plan-service's audit trail (admins). */
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

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "createDown", skipOn = ServiceProblem.class)
    public Plan create(NewPlan plan) {
        return api.create(bearer.header(), plan);
    }

    Plan createDown(NewPlan plan) {
        throw down();
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "changeDown", skipOn = ServiceProblem.class)
    public Plan change(UUID planId, PlanChange change) {
        return api.change(bearer.header(), planId, change);
    }

    Plan changeDown(UUID planId, PlanChange change) {
        throw down();
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "resumeDown", skipOn = ServiceProblem.class)
    public Plan resume(UUID planId, UUID itemId, String reason) {
        return api.resume(bearer.header(), planId, itemId, new Reason(reason));
    }

    Plan resumeDown(UUID planId, UUID itemId, String reason) {
        throw down();
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "logSessionDown", skipOn = ServiceProblem.class)
    public SafetyOutcome logSession(UUID planId, SessionLog session) {
        return api.logSession(bearer.header(), planId, session);
    }

    SafetyOutcome logSessionDown(UUID planId, SessionLog session) {
        throw down();
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "correctSessionDown", skipOn = ServiceProblem.class)
    public SafetyOutcome correctSession(UUID planId, UUID sessionId, SessionCorrection correction) {
        return api.correctSession(bearer.header(), planId, sessionId, correction);
    }

    SafetyOutcome correctSessionDown(UUID planId, UUID sessionId, SessionCorrection correction) {
        throw down();
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "withdrawSessionDown", skipOn = ServiceProblem.class)
    public Session withdrawSession(UUID planId, UUID sessionId, String reason) {
        return api.withdrawSession(bearer.header(), planId, sessionId, new Reason(reason));
    }

    Session withdrawSessionDown(UUID planId, UUID sessionId, String reason) {
        throw down();
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "checkInDown", skipOn = ServiceProblem.class)
    public SafetyOutcome checkIn(CheckIn checkIn) {
        return api.checkIn(bearer.header(), checkIn);
    }

    SafetyOutcome checkInDown(CheckIn checkIn) {
        throw down();
    }

    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "acknowledgeDown", skipOn = ServiceProblem.class)
    public Alert acknowledge(UUID alertId) {
        return api.acknowledge(bearer.header(), alertId);
    }

    Alert acknowledgeDown(UUID alertId) {
        throw down();
    }

    private static ServiceUnavailable down() {
        return new ServiceUnavailable(SERVICE, null);
    }
}
