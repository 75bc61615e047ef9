package care.homeprogram.portal.client;

/**
 * A backing service did not answer in time, answered 5xx, or its circuit breaker is open. Made in one place,
 * {@link ServiceCalls}, which logs it with its cause and keeps the cause here. Pages show a friendly "temporarily
 * unavailable" section for it, never a stack trace.
 */
public class ServiceUnavailable extends RuntimeException {
    private final String service;

    public ServiceUnavailable(String service, Throwable cause) {
        super(service + " is unavailable", cause);
        this.service = service;
    }

    /** The Keycloak client id of the service, e.g. plan-service. */
    public String service() {
        return service;
    }
}
