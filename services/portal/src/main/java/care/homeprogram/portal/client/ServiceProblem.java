package care.homeprogram.portal.client;

import java.util.List;
import java.util.Optional;

/**
 * A service refused the request (4xx, RFC 9457 problem+json): invalid input with field errors, not found (or not the
 * caller's), a conflict. Never retried, never a reason to open a circuit breaker.
 *
 * @param type the last segment of the problem's type URI, e.g. {@code validation}, {@code item-paused}
 */
public class ServiceProblem extends RuntimeException {
    private final int status;
    private final String type;
    private final String detail;
    private final List<FieldError> errors;

    public ServiceProblem(int status, String type, String detail, List<FieldError> errors) {
        super(status + " " + type + ": " + detail);
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** The service's explanation, written for a person. */
    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** The message for one field, matched on its last path segment ({@code items[0].dose.reps} for {@code reps}). */
    public Optional<String> errorFor(String field) {
        return errors.stream().filter(e -> e.field() != null && (e.field().equals(field) || e.field().endsWith("." + field)))
                .map(FieldError::message).findFirst();
    }

    public record FieldError(String field, String message) {
    }
}
