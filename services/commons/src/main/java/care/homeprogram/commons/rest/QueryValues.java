package care.homeprogram.commons.rest;

import care.homeprogram.commons.problem.ProblemException;
import java.util.UUID;

/**
 * Query parameters read as text and checked here, so that a value that is not an id or a number is a 400 naming the
 * parameter (JAX-RS answers a query parameter it cannot convert with 404, as if the resource did not exist).
 */
public final class QueryValues {
    private QueryValues() {
    }

    /** The id, or a 400 naming the parameter when it is missing or not a UUID. */
    public static UUID id(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(parameter, "is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(parameter, "must be a UUID");
        }
    }

    /** The whole number from {@code min} to {@code max}; {@code otherwise} when absent; else a 400 naming it. */
    public static int between(String parameter, String value, int otherwise, int min, int max) {
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // not a whole number of int range: the same answer as one out of range
        }
        throw ProblemException.invalidField(parameter, "must be a whole number from " + min + " to " + max);
    }
}
