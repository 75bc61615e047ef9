package care.homeprogram.portal.service;

import care.homeprogram.portal.client.IntakeAnswers;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.ServiceProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The intake screen as a form, the same questions for the therapist (clinical words, English) and the patient (plain
 * words in their language, {@link IntakeMessages}): the age at first onset and ten yes/no questions. Every question
 * must be answered: patient-service reads a missing answer as "no", and a screen that clears a patient must not do so
 * because a question was skipped. The errors are in the words the form was made with (the page's language).
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

    /** A question as asked: the therapist's clinical words, the patient's plain words in the page's language. */
    private record Asked(String name, String flag, String forTherapist, Function<IntakeMessages, String> forPatient) {
    }

    private static final List<Asked> ASKED = List.of(
            new Asked("historyOfCancer", "HISTORY_OF_CANCER", "History of cancer?",
                    IntakeMessages::question_historyOfCancer),
            new Asked("steroidUse", "STEROID_USE", "Long-term use of corticosteroids?",
                    IntakeMessages::question_steroidUse),
            new Asked("trauma", "TRAUMA",
                    "Did the pain start with trauma (or minor trauma in someone with osteoporosis)?",
                    IntakeMessages::question_trauma),
            new Asked("immunosuppression", "IMMUNOSUPPRESSION", "Immunosuppression (illness or medication)?",
                    IntakeMessages::question_immunosuppression),
            new Asked("ivDrugUse", "IV_DRUG_USE", "Intravenous drug use?", IntakeMessages::question_ivDrugUse),
            new Asked("recentBacterialInfection", "RECENT_BACTERIAL_INFECTION", "Recent bacterial infection?",
                    IntakeMessages::question_recentBacterialInfection),
            new Asked("osteoporosis", "OSTEOPOROSIS", "Osteoporosis?", IntakeMessages::question_osteoporosis),
            new Asked("noImprovementAfterAMonth", "NO_IMPROVEMENT_AFTER_A_MONTH",
                    "No improvement after a month of care?", IntakeMessages::question_noImprovementAfterAMonth),
            new Asked("fluidRestriction", "FLUID_RESTRICTION",
                    "Fluid restriction (e.g. heart or kidney failure)?", IntakeMessages::question_fluidRestriction),
            new Asked("saltRestriction", "SALT_RESTRICTION", "Salt restriction?",
                    IntakeMessages::question_saltRestriction));

    /** A message of the error summary, linking to the field it is about. */
    public record Problem(String target, String message) {
    }

    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final IntakeMessages words;
    private final List<Question> questions;

    private IntakeForm(Map<String, String> values, IntakeMessages words) {
        this.values = values;
        this.words = words;
        this.questions = ASKED.stream()
                .map(a -> new Question(a.name(), a.flag(), a.forTherapist(), a.forPatient().apply(words))).toList();
    }

    /** An empty form; {@code words} in the page's language (the errors, the patient's wording of the questions). */
    public static IntakeForm empty(IntakeMessages words) {
        return new IntakeForm(new HashMap<>(), words);
    }

    /**
     * A recorded screen shown again for an update: patient-service keeps only the flags, and each yes/no question
     * raises exactly one flag, so those answers are known; the age is not kept, so it is asked again.
     */
    public static IntakeForm of(Patient.Intake intake, IntakeMessages words) {
        Map<String, String> values = new HashMap<>();
        if (intake != null && intake.screenedAt() != null) {
            for (Asked q : ASKED) {
                values.put(q.name(), intake.flags().contains(q.flag()) ? "yes" : "no");
            }
        }
        return new IntakeForm(values, words);
    }

    /** What the browser posted: the age as typed and "yes"/"no" per question, checked at once. */
    public static IntakeForm posted(String age, Map<String, String> answers, IntakeMessages words) {
        Map<String, String> values = new HashMap<>();
        values.put(AGE, age == null ? "" : age.strip());
        for (Asked q : ASKED) {
            String answer = answers.get(q.name());
            values.put(q.name(), answer == null ? "" : answer.strip());
        }
        return new IntakeForm(values, words).validate();
    }

    private IntakeForm validate() {
        String age = value(AGE);
        if (age.isEmpty()) {
            errors.put(AGE, words.error_ageMissing());
        } else {
            try {
                int years = Integer.parseInt(age);
                if (years < 0 || years > MAX_AGE) {
                    errors.put(AGE, words.error_ageRange(MAX_AGE));
                }
            } catch (NumberFormatException e) {
                errors.put(AGE, words.error_ageNumber());
            }
        }
        for (Asked q : ASKED) {
            if (!is(q.name(), "yes") && !is(q.name(), "no")) {
                errors.put(q.name(), words.error_yesOrNo());
            }
        }
        return this;
    }

    public List<Question> questions() {
        return questions;
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
        for (Question q : questions) {
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

    /**
     * patient-service's refusal: its field errors next to their fields, anything else above the form. A patient reads
     * the portal's words in their language (patient-service writes English), a therapist patient-service's own.
     */
    public IntakeForm reject(ServiceProblem problem, boolean patient) {
        boolean placed = false;
        for (care.homeprogram.contract.Problem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String name = field.substring(field.lastIndexOf('.') + 1);
            if (values.containsKey(name)) {
                errors.putIfAbsent(name, patient ? words.error_notAccepted() : capitalise(error.message()));
                placed = true;
            }
        }
        if (!placed) {
            errors.putIfAbsent("form", patient || problem.detail() == null ? words.error_notRecorded()
                    : problem.detail());
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
