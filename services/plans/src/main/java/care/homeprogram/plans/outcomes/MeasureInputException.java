package care.homeprogram.plans.outcomes;

/** Answers that the Questionnaire or the scoring rules do not accept, naming the item ({@code answers.<linkId>}). */
public class MeasureInputException extends RuntimeException {
    private final String field;

    public MeasureInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
