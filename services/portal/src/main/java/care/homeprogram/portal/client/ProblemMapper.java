package care.homeprogram.portal.client;

import care.homeprogram.contract.Problem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a service's 4xx problem+json into a {@link ServiceProblem} (read as the services' own {@link Problem} record);
 * 5xx stays a failure for {@link ServiceCalls}, with one exception: a 503 whose problem type is in
 * {@link #REFUSALS_WHILE_UP}. There the service itself answered and refused because a service behind it was down
 * (nothing changed), so retrying at once or opening this service's circuit breaker would be wrong, and the page can
 * say precisely what could not be checked.
 */
public class ProblemMapper implements ResponseExceptionMapper<RuntimeException> {
    // A newer service may add members to a problem; the portal reads what it knows.
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** plan-service could not ask patient-service for the intake screen, so it did not activate the plan. */
    static final Set<String> REFUSALS_WHILE_UP = Set.of("intake-unavailable");

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 && status != 503) {
            return null;
        }
        ServiceProblem problem = new ServiceProblem(read(response));
        if (status >= 500 && !REFUSALS_WHILE_UP.contains(problem.type())) {
            return null;
        }
        return problem;
    }

    /** The body as a {@link Problem}; without one (or unreadable), the status and its reason phrase say enough. */
    private static Problem read(Response response) {
        int status = response.getStatus();
        String reason = response.getStatusInfo().getReasonPhrase();
        Problem fallback = new Problem(null, reason, status, reason, null, List.of());
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (body == null || body.isBlank()) {
                return fallback;
            }
            Problem sent = JSON.readValue(body, Problem.class);
            String detail = sent.detail() != null ? sent.detail() : sent.title() != null ? sent.title() : reason;
            return new Problem(sent.type(), sent.title(), status, detail, sent.instance(),
                    sent.errors() == null ? List.of() : sent.errors());
        } catch (Exception unreadable) {
            return fallback;
        }
    }

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status >= 400 && status < 500 || status == 503 && isProblem(headers);
    }

    private static boolean isProblem(MultivaluedMap<String, Object> headers) {
        if (headers == null) {
            return false;
        }
        return headers.entrySet().stream().filter(h -> HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(h.getKey()))
                .flatMap(h -> h.getValue().stream())
                .anyMatch(value -> value != null && value.toString().startsWith(Problem.MEDIA_TYPE));
    }
}
