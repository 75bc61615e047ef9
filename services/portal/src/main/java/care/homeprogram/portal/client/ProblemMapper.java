package care.homeprogram.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns a service's 4xx problem+json into a {@link ServiceProblem}; 5xx stays a failure for fault tolerance. */
public class ProblemMapper implements ResponseExceptionMapper<RuntimeException> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500) {
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
        return new ServiceProblem(status, type, detail, errors);
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400 && status < 500;
    }
}
