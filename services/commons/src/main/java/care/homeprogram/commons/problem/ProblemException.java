package care.homeprogram.commons.problem;

import care.homeprogram.contract.Problem;
/** Thrown by services for an expected failure that the caller should see as a problem document. */
public class ProblemException extends RuntimeException {
    private final int status;
    private final String slug;
    private final String title;
    private final java.util.List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, java.util.List.of());
    }

    private ProblemException(int status, String slug, String title, String detail,
            java.util.List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    /** A 400 naming the field, shaped like a bean-validation failure, for rules that need the database to check. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "validation", "Invalid input", field + ": " + message,
                java.util.List.of(new Problem.FieldError(field, message)));
    }

    /** 404 for missing objects and for objects that are not the caller's: existence is never revealed. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "Not found", what + " was not found");
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public java.util.List<Problem.FieldError> errors() {
        return errors;
    }
}
