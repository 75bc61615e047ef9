package care.homeprogram.portal.service;

import care.homeprogram.contract.Problem;
import care.homeprogram.portal.client.ServiceProblem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simple form as typed, with one message per field. Messages come from the portal's own checks first and from the
 * service's field errors second, and are shown next to their field.
 */
public final class Forms {
    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private Forms(Map<String, String> values) {
        this.values = new HashMap<>(values);
    }

    public static Forms of(Map<String, String> values) {
        return new Forms(values);
    }

    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    public boolean is(String field, String expected) {
        return expected.equals(value(field));
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public Map<String, String> errors() {
        return errors;
    }

    public void reject(String field, String message) {
        errors.putIfAbsent(field, message);
    }

    public void required(String... fields) {
        requiredSaying("Required", fields);
    }

    /** The same with the reader's word for it (the patient's pages). */
    public void requiredSaying(String message, String... fields) {
        for (String field : fields) {
            if (value(field).isBlank()) {
                reject(field, message);
            }
        }
    }

    public void timeZone(String field) {
        timeZone(field, "Must be a time zone such as Europe/Berlin or America/New_York");
    }

    /** The same with the reader's words for the error (the patient's pages). */
    public void timeZone(String field, String message) {
        if (!value(field).isBlank()) {
            try {
                ZoneId.of(value(field));
            } catch (DateTimeException e) {
                reject(field, message);
            }
        }
    }

    /** The service's field errors next to their fields; returns whether any was placed. */
    public boolean reject(ServiceProblem problem) {
        boolean placed = false;
        for (Problem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String name = field.substring(field.lastIndexOf('.') + 1);
            if (values.containsKey(name) || "password".equals(name) || "temporaryPassword".equals(name)) {
                reject("temporaryPassword".equals(name) ? "password" : name, capitalise(error.message()));
                placed = true;
            }
        }
        if (!placed) {
            reject("form", problem.detail());
        }
        return placed;
    }

    private static String capitalise(String message) {
        return message == null || message.isEmpty() ? "Invalid"
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
