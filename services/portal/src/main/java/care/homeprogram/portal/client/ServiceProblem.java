package care.homeprogram.portal.client;

import care.homeprogram.contract.Problem;
import java.util.List;
import java.util.Optional;

/**
 * A service refused the request with an RFC 9457 problem+json ({@link Problem}, the services' own record): invalid
 * input with field errors, not found (or not the caller's), a conflict. Never retried, never a reason to open a
 * circuit breaker ({@link ServiceCalls}).
 */
public class ServiceProblem extends RuntimeException {
    private final Problem problem;

    public ServiceProblem(Problem problem) {
        super(problem.status() + " " + slug(problem) + ": " + problem.detail());
        this.problem = problem;
    }

    /** A refusal the portal words itself (e.g. a clearer detail for the same problem). */
    public ServiceProblem(int status, String type, String detail, List<Problem.FieldError> errors) {
        this(new Problem(Problem.type(type), null, status, detail, null, errors == null ? List.of() : errors));
    }

    /** The service's answer as it sent it. */
    public Problem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    /** The last segment of the problem's type URI, e.g. {@code validation}, {@code item-paused}. */
    public String type() {
        return slug(problem);
    }

    /** The service's explanation, written for a person. */
    public String detail() {
        return problem.detail();
    }

    public List<Problem.FieldError> errors() {
        return problem.errors() == null ? List.of() : problem.errors();
    }

    public boolean isNotFound() {
        return status() == 404;
    }

    /** The message for one field, matched on its last path segment ({@code items[0].dose.reps} for {@code reps}). */
    public Optional<String> errorFor(String field) {
        return errors().stream()
                .filter(e -> e.field() != null && (e.field().equals(field) || e.field().endsWith("." + field)))
                .map(Problem.FieldError::message).findFirst();
    }

    private static String slug(Problem problem) {
        String type = problem.type() == null ? "" : problem.type().toString();
        return type.isEmpty() ? "http-" + problem.status() : type.substring(type.lastIndexOf('/') + 1);
    }
}
