package care.homeprogram.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a service's 4xx problem+json into a {@link ServiceProblem}; 5xx stays a failure for fault tolerance, with one
 * exception: a 503 whose problem type is in {@link #REFUSALS_WHILE_UP}. There the service itself answered and refused
 * because a service behind it was down (nothing changed), so retrying at once or opening this service's circuit
 * breaker would be wrong, and the page can say precisely what could not be checked.
 */
public class ProblemMapper implements ResponseExceptionMapper<RuntimeException> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** plan-service could not ask patient-service for the intake screen, so it did not activate the plan. */
    static final java.util.Set<String> REFUSALS_WHILE_UP = java.util.Set.of("intake-unavailable");

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 && status != 503) {
            return null;
        }
        String type = "http-" + status;
        String detail = response.getStatusInfo().getReasonPhrase();
        List<ServiceProblem.FieldError> errors = new ArrayList<>();
        try {
            String body = response.hasEntity() ? response.readEntity(String.class) : null;
            if (body != null && !body.isBlank()) {
                JsonNode problem = JSON.readTree(body);
                String typeUri = problem.path("type").asText("");
                if (!typeUri.isEmpty()) {
                    type = typeUri.substring(typeUri.lastIndexOf('/') + 1);
                }
                detail = problem.path("detail").asText(problem.path("title").asText(detail));
                for (JsonNode error : problem.path("errors")) {
                    errors.add(new ServiceProblem.FieldError(error.path("field").asText(),
                            error.path("message").asText()));
                }
            }
        } catch (Exception unreadable) {
            // not problem+json: the status and reason phrase say enough
        }
        if (status >= 500 && !REFUSALS_WHILE_UP.contains(type)) {
            return null;
        }
        return new ServiceProblem(status, type, detail, errors);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400 && status < 500 || status == 503 && isProblem(headers);
    }

    private static boolean isProblem(jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        if (headers == null) {
            return false;
        }
        return headers.entrySet().stream().filter(h -> "Content-Type".equalsIgnoreCase(h.getKey()))
                .flatMap(h -> h.getValue().stream())
                .anyMatch(value -> value != null && value.toString().startsWith("application/problem+json"));
    }
}
