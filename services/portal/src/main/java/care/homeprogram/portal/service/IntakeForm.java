package care.homeprogram.portal.service;

import care.homeprogram.portal.client.IntakeAnswers;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.ServiceProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The intake screen as a form, the same questions for the therapist (clinical words) and the patient (plain words):
 * the age at first onset and eight yes/no questions. Every question must be answered: patient-service reads a missing
 * answer as "no", and a screen that clears a patient must not do so because a question was skipped.
 */
public final class IntakeForm {
    public static final String AGE = "ageAtFirstOnset";
    public static final int MAX_AGE = 120;

    /** One yes/no question; {@code flag} is the flag a "yes" raises (how a recorded screen is shown again). */
    public record Question(String name, String flag, String forTherapist, String forPatient) {
        public String text(boolean patient) {
            return patient ? forPatient : forTherapist;
        }
    }

    public static final List<Question> QUESTIONS = List.of(
            new Question("historyOfCancer", "HISTORY_OF_CANCER", "History of cancer?",
                    "Have you ever had cancer?"),
            new Question("steroidUse", "STEROID_USE", "Long-term use of corticosteroids?",
                    "Have you taken steroid tablets or injections (such as prednisolone) for a long time?"),
            new Question("trauma", "TRAUMA",
                    "Did the pain start with trauma (or minor trauma in someone with osteoporosis)?",
                    "Did your back pain start after a fall, an accident or another injury?"),
            new Question("immunosuppression", "IMMUNOSUPPRESSION", "Immunosuppression (illness or medication)?",
                    "Do you have a weakened immune system, or take medicine that weakens it?"),
            new Question("ivDrugUse", "IV_DRUG_USE", "Intravenous drug use?",
                    "Have you ever injected drugs that were not prescribed to you?"),
            new Question("recentBacterialInfection", "RECENT_BACTERIAL_INFECTION", "Recent bacterial infection?",
                    "Have you had an infection treated with antibiotics in the last few weeks?"),
            new Question("osteoporosis", "OSTEOPOROSIS", "Osteoporosis?",
                    "Have you been told you have osteoporosis (thin or weak bones)?"),
            new Question("noImprovementAfterAMonth", "NO_IMPROVEMENT_AFTER_A_MONTH",
                    "No improvement after a month of care?",
                    "Has your back pain gone on for a month or more without getting better?"),
            new Question("fluidRestriction", "FLUID_RESTRICTION",
                    "Fluid restriction (e.g. heart or kidney failure)?",
                    "Has a doctor told you to limit how much you drink?"),
            new Question("saltRestriction", "SALT_RESTRICTION", "Salt restriction?",
                    "Has a doctor told you to limit how much salt you eat?"));

    /** A message of the error summary, linking to the field it is about. */
    public record Problem(String target, String message) {
    }

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private IntakeForm(Map<String, String> values) {
        this.values = values;
    }

    public static IntakeForm empty() {
        return new IntakeForm(new HashMap<>());
    }

    /**
     * A recorded screen shown again for an update: patient-service keeps only the flags, and each yes/no question
     * raises exactly one flag, so those answers are known; the age is not kept, so it is asked again.
     */
    public static IntakeForm of(Patient.Intake intake) {
        Map<String, String> values = new HashMap<>();
        if (intake != null && intake.screenedAt() != null) {
            for (Question q : QUESTIONS) {
                values.put(q.name(), intake.flags().contains(q.flag()) ? "yes" : "no");
            }
        }
        return new IntakeForm(values);
    }

    /** What the browser posted: the age as typed and "yes"/"no" per question, checked at once. */
    public static IntakeForm posted(String age, Map<String, String> answers) {
        Map<String, String> values = new HashMap<>();
        values.put(AGE, age == null ? "" : age.strip());
        for (Question q : QUESTIONS) {
            String answer = answers.get(q.name());
            values.put(q.name(), answer == null ? "" : answer.strip());
        }
        return new IntakeForm(values).validate();
    }

    private IntakeForm validate() {
        String age = value(AGE);
        if (age.isEmpty()) {
            errors.put(AGE, "Enter the age in years when the back pain first started (a best guess is fine)");
        } else {
            try {
                int years = Integer.parseInt(age);
                if (years < 0 || years > MAX_AGE) {
                    errors.put(AGE, "Enter an age between 0 and " + MAX_AGE + " years");
                }
            } catch (NumberFormatException e) {
                errors.put(AGE, "Enter the age as a whole number of years, such as 35");
            }
        }
        for (Question q : QUESTIONS) {
            if (!is(q.name(), "yes") && !is(q.name(), "no")) {
                errors.put(q.name(), "Choose yes or no");
            }
        }
        return this;
    }

    public List<Question> questions() {
        return QUESTIONS;
    }

    public String value(String field) {
        String value = values.get(field);
        return value == null ? "" : value;
    }

    public boolean is(String field, String expected) {
        return expected.equals(value(field));
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /**
     * The error summary above the form, in the order of the fields, each linking to its field's first input; a
     * question's message names the question, in the words of whoever fills in the form.
     */
    public List<Problem> summary(boolean patient) {
        List<Problem> problems = new ArrayList<>();
        if (errors.containsKey("form")) {
            problems.add(new Problem("intake-" + AGE, errors.get("form")));
        }
        if (errors.containsKey(AGE)) {
            problems.add(new Problem("intake-" + AGE, errors.get(AGE)));
        }
        for (Question q : QUESTIONS) {
            if (errors.containsKey(q.name())) {
                problems.add(new Problem("intake-" + q.name() + "-yes", q.text(patient) + " " + errors.get(q.name())));
            }
        }
        return problems;
    }

    /** Only for a valid form. */
    public IntakeAnswers answers() {
        return new IntakeAnswers(Integer.valueOf(value(AGE)), yes("historyOfCancer"), yes("steroidUse"),
                yes("trauma"), yes("immunosuppression"), yes("ivDrugUse"), yes("recentBacterialInfection"),
                yes("osteoporosis"), yes("noImprovementAfterAMonth"), yes("fluidRestriction"),
                yes("saltRestriction"));
    }

    /** patient-service's refusal: its field errors next to their fields, anything else above the form. */
    public IntakeForm reject(ServiceProblem problem) {
        boolean placed = false;
        for (care.homeprogram.contract.Problem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String name = field.substring(field.lastIndexOf('.') + 1);
            if (values.containsKey(name)) {
                errors.putIfAbsent(name, capitalise(error.message()));
                placed = true;
            }
        }
        if (!placed) {
            errors.putIfAbsent("form", problem.detail());
        }
        return this;
    }

    private Boolean yes(String field) {
        return is(field, "yes");
    }

    private static String capitalise(String message) {
        return message == null || message.isEmpty() ? "Invalid"
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
