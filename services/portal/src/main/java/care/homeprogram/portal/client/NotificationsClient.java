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
 * notification-service (inbox, preferences, non-adherence), called as the signed-in person. Same rules as
 * {@link PlansClient}. Pages treat it as optional: when it is down they say "messages are delayed" and go on.
 */
@ApplicationScoped
public class NotificationsClient {
    static final String SERVICE = "notification-service";

    private final NotificationsApi api;
    private final Bearer bearer;

    public NotificationsClient(@RestClient NotificationsApi api, Bearer bearer) {
        this.api = api;
        this.bearer = bearer;
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "inboxDown", skipOn = ServiceProblem.class)
    public Page<Notification> inbox(int page, int size) {
        return api.inbox(bearer.header(), page, size);
    }

    Page<Notification> inboxDown(int page, int size) {
        throw down();
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "preferencesDown", skipOn = ServiceProblem.class)
    public Preferences preferences() {
        return api.preferences(bearer.header());
    }

    Preferences preferencesDown() {
        throw down();
    }

    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "adherenceDown", skipOn = ServiceProblem.class)
    public Page<AdherenceLevel> adherence() {
        return api.adherence(bearer.header(), 100);
    }

    Page<AdherenceLevel> adherenceDown() {
        throw down();
    }

    /** notification-service's audit trail (admins). */
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

    /** Marking read is idempotent, so it may be retried. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "markReadDown", skipOn = ServiceProblem.class)
    public Notification markRead(UUID id) {
        return api.markRead(bearer.header(), id);
    }

    Notification markReadDown(UUID id) {
        throw down();
    }

    /** PUT replaces the whole preferences: idempotent. */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ServiceProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ServiceProblem.class)
    @Fallback(fallbackMethod = "updatePreferencesDown", skipOn = ServiceProblem.class)
    public Preferences updatePreferences(Preferences preferences) {
        return api.updatePreferences(bearer.header(), preferences);
    }

    Preferences updatePreferencesDown(Preferences preferences) {
        throw down();
    }

    private static ServiceUnavailable down() {
        return new ServiceUnavailable(SERVICE, null);
    }
}
