package care.homeprogram.plans.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Calls patient-service with the caller's own token (so patient-service applies its own ownership rules), with a
 * timeout, retries and a circuit breaker. When patient-service is down the answer says so ({@code available=false}),
 * so callers can tell the person instead of failing or silently dropping data.
 */
@ApplicationScoped
public class PatientsClient {
    private static final Logger LOG = Logger.getLogger(PatientsClient.class);

    /** What patient-service said: the details, absent (404: not this caller's), or unavailable. */
    public record Lookup(Optional<PatientDetails> details, boolean available) {
        static Lookup unavailable() {
            return new Lookup(Optional.empty(), false);
        }
    }

    private final PatientsApi api;

    public PatientsClient(@RestClient PatientsApi api) {
        this.api = api;
    }

    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "unavailable")
    public Lookup details(UUID patientId, String bearerToken) {
        try {
            return new Lookup(Optional.of(api.get(patientId, "Bearer " + bearerToken)), true);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return new Lookup(Optional.empty(), true); // not a failure: keep the breaker closed
            }
            throw e;
        }
    }

    /** What patient-service said of the intake screen: the status, absent (404: not this caller's), or unavailable. */
    public record IntakeLookup(Optional<IntakeStatus> status, boolean available) {
    }

    /**
     * The patient's intake screen as patient-service has it now, asked with the caller's token. Its own breaker: an
     * export failing over cannot open the gate's circuit, nor the other way round.
     */
    @Timeout(2000)
    @Retry(maxRetries = 2, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 8, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "intakeUnavailable")
    public IntakeLookup intake(UUID patientId, String bearerToken) {
        try {
            return new IntakeLookup(Optional.of(api.intake(patientId, "Bearer " + bearerToken)), true);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return new IntakeLookup(Optional.empty(), true);
            }
            throw e;
        }
    }

    /**
     * The patient's preferred language as patient-service has it (empty: none, not this caller's, or patient-service
     * did not answer). For every plan read, so briefly: half a second, no retries, and no circuit breaker shared with
     * the exports; the caller keeps the answer for a while ({@code ReaderLanguage}).
     */
    @Timeout(500)
    @Fallback(fallbackMethod = "languageUnavailable")
    public Optional<String> preferredLanguage(UUID patientId, String bearerToken) {
        try {
            return Optional.ofNullable(api.get(patientId, "Bearer " + bearerToken).preferredLanguage());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    Optional<String> languageUnavailable(UUID patientId, String bearerToken) {
        LOG.debugf("patient-service unavailable: the preferred language of patient %s is not known", patientId);
        return Optional.empty();
    }

    IntakeLookup intakeUnavailable(UUID patientId, String bearerToken) {
        LOG.warnf("patient-service unavailable: the intake screen of patient %s could not be checked", patientId);
        return new IntakeLookup(Optional.empty(), false);
    }

    Lookup unavailable(UUID patientId, String bearerToken) {
        LOG.warnf("patient-service unavailable: details of patient %s left out", patientId);
        return Lookup.unavailable();
    }
}
