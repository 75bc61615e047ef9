package care.homeprogram.portal.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The words a person reads for the services' codes: decisions, reasons, symptoms, red flags, statuses. */
public final class Wording {
    /** Session symptoms (docs/api-contract.md), each a reason to stop the exercise. */
    public static final Map<String, String> SYMPTOMS = ordered(
            "SHARP_PAIN", "Sharp or catching pain",
            "PAIN_SPREADING_DOWN_LEG", "Pain spreading down my leg",
            "NEW_NUMBNESS_OR_WEAKNESS", "New numbness, tingling or weakness",
            "PAIN_RISING_WITH_REPETITIONS", "Pain rising with each repetition");

    /** The red-flag check-in (docs/api-contract.md), in the patient's words. */
    public static final Map<String, String> RED_FLAGS = ordered(
            "SADDLE_NUMBNESS", "Numbness around my genitals, buttocks or inner thighs",
            "BLADDER_OR_BOWEL_CHANGE", "New trouble passing urine, leaking urine, or losing control of my bowels",
            "SEXUAL_DYSFUNCTION", "New problems with sexual function",
            "BOTH_LEGS_WEAKNESS_OR_NUMBNESS", "Weakness or numbness in both legs, or weakness getting worse",
            "SERIOUS_ACCIDENT", "My back pain started after a serious accident (a fall from height, a car crash)",
            "FEVER", "A fever together with my back pain",
            "UNEXPLAINED_WEIGHT_LOSS", "Weight loss I cannot explain",
            "NIGHT_PAIN", "Pain at night that does not ease when I rest");

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("STOP_RULE:SHARP_PAIN", "You reported sharp or catching pain."),
            Map.entry("STOP_RULE:PAIN_SPREADING_DOWN_LEG", "You reported pain spreading down your leg."),
            Map.entry("STOP_RULE:NEW_NUMBNESS_OR_WEAKNESS", "You reported new numbness, tingling or weakness."),
            Map.entry("STOP_RULE:PAIN_RISING_WITH_REPETITIONS", "You reported pain rising with each repetition."),
            Map.entry("PAIN_RED", "Your pain after the exercise was in the red band."),
            Map.entry("PAIN_AMBER", "Your pain after the exercise was in the amber band."),
            Map.entry("PAIN_GREEN", "Your pain stayed in the green band."),
            Map.entry("PAIN_RISE_OVER_BASELINE", "Your pain was higher than your usual level."),
            Map.entry("PAIN_AMBER_NOT_SETTLED", "Your pain from last time had not settled within 24 hours."));

    /** The intake screen's flags (patient-service's IntakeFlag, docs/clinical-rules.md rule 3), for the therapist. */
    private static final Map<String, String> INTAKE_FLAGS = Map.ofEntries(
            Map.entry("ONSET_UNDER_20", "Back pain first started before the age of 20"),
            Map.entry("ONSET_OVER_50", "Back pain first started after the age of 50"),
            Map.entry("HISTORY_OF_CANCER", "History of cancer"),
            Map.entry("STEROID_USE", "Long-term steroid use"),
            Map.entry("TRAUMA", "Started with trauma (or minor trauma with osteoporosis)"),
            Map.entry("IMMUNOSUPPRESSION", "Immunosuppression"),
            Map.entry("IV_DRUG_USE", "Intravenous drug use"),
            Map.entry("RECENT_BACTERIAL_INFECTION", "Recent bacterial infection"),
            Map.entry("OSTEOPOROSIS", "Osteoporosis"),
            Map.entry("NO_IMPROVEMENT_AFTER_A_MONTH", "No improvement after a month"),
            Map.entry("FLUID_RESTRICTION", "Told by a doctor to limit fluids"),
            Map.entry("SALT_RESTRICTION", "Told by a doctor to limit salt"));

    private Wording() {
    }

    public static String reason(String code) {
        if (code == null) {
            return "";
        }
        String known = REASONS.get(code);
        if (known != null) {
            return known;
        }
        String flag = RED_FLAGS.get(code);
        return flag != null ? flag + "." : code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
    }

    /** Why an item was paused, from the safety rules' comma-separated codes (other text is kept as it is). */
    public static String pausedReason(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return java.util.Arrays.stream(raw.split(",")).map(String::strip)
                .map(part -> part.matches("[A-Z_:]+") ? reason(part) : part)
                .distinct().collect(java.util.stream.Collectors.joining(" "));
    }

    public static List<String> reasons(List<String> codes) {
        return codes.stream().map(Wording::reason).distinct().toList();
    }

    /** The red-flag check-in's questions in the reader's language, in {@link #RED_FLAGS}' order. */
    public static Map<String, String> redFlags(PortalMessages words) {
        Map<String, String> questions = new LinkedHashMap<>();
        RED_FLAGS.keySet().forEach(code -> questions.put(code, redFlag(code, words)));
        return questions;
    }

    private static String redFlag(String code, PortalMessages words) {
        return switch (code) {
            case "SADDLE_NUMBNESS" -> words.redFlag_SADDLE_NUMBNESS();
            case "BLADDER_OR_BOWEL_CHANGE" -> words.redFlag_BLADDER_OR_BOWEL_CHANGE();
            case "SEXUAL_DYSFUNCTION" -> words.redFlag_SEXUAL_DYSFUNCTION();
            case "BOTH_LEGS_WEAKNESS_OR_NUMBNESS" -> words.redFlag_BOTH_LEGS_WEAKNESS_OR_NUMBNESS();
            case "SERIOUS_ACCIDENT" -> words.redFlag_SERIOUS_ACCIDENT();
            case "FEVER" -> words.redFlag_FEVER();
            case "UNEXPLAINED_WEIGHT_LOSS" -> words.redFlag_UNEXPLAINED_WEIGHT_LOSS();
            case "NIGHT_PAIN" -> words.redFlag_NIGHT_PAIN();
            default -> RED_FLAGS.getOrDefault(code, code);
        };
    }

    /** The safety rules' reasons in the reader's language; a code this portal does not know reads as in English. */
    public static List<String> reasons(List<String> codes, PortalMessages words) {
        return codes.stream().map(code -> reason(code, words)).distinct().toList();
    }

    private static String reason(String code, PortalMessages words) {
        if (code == null) {
            return "";
        }
        if (RED_FLAGS.containsKey(code)) {
            return redFlag(code, words) + ".";
        }
        return switch (code) {
            case "STOP_RULE:SHARP_PAIN" -> words.reason_STOP_RULE_SHARP_PAIN();
            case "STOP_RULE:PAIN_SPREADING_DOWN_LEG" -> words.reason_STOP_RULE_PAIN_SPREADING_DOWN_LEG();
            case "STOP_RULE:NEW_NUMBNESS_OR_WEAKNESS" -> words.reason_STOP_RULE_NEW_NUMBNESS_OR_WEAKNESS();
            case "STOP_RULE:PAIN_RISING_WITH_REPETITIONS" -> words.reason_STOP_RULE_PAIN_RISING_WITH_REPETITIONS();
            case "PAIN_RED" -> words.reason_PAIN_RED();
            case "PAIN_AMBER" -> words.reason_PAIN_AMBER();
            case "PAIN_GREEN" -> words.reason_PAIN_GREEN();
            case "PAIN_RISE_OVER_BASELINE" -> words.reason_PAIN_RISE_OVER_BASELINE();
            case "PAIN_AMBER_NOT_SETTLED" -> words.reason_PAIN_AMBER_NOT_SETTLED();
            default -> reason(code);
        };
    }

    /** An intake flag in words; a flag this portal does not know yet is shown as its code, lower case. */
    public static String intakeFlag(String code) {
        if (code == null) {
            return "";
        }
        return INTAKE_FLAGS.getOrDefault(code, code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT));
    }

    public static List<String> intakeFlags(List<String> codes) {
        return codes == null ? List.of() : codes.stream().map(Wording::intakeFlag).toList();
    }

    public static String symptom(String code) {
        return SYMPTOMS.getOrDefault(code, code);
    }

    /** A session's decision, or that the patient withdrew it (it stays in the history, marked so). */
    public static String decision(care.homeprogram.portal.client.Session session) {
        return session.withdrawn() ? "Withdrawn by the patient" : decision(session.decision());
    }

    /**
     * The same, as the patient reads it on their own history: withdrawn and corrected sessions say it was them, so
     * a changed number is not mistaken for a mistake of the clinic.
     */
    public static String decisionForPatient(care.homeprogram.portal.client.Session session) {
        if (session.withdrawn()) {
            return "Withdrawn by you";
        }
        String decision = decision(session.decision());
        return "CORRECTED".equals(session.status()) ? decision + " (corrected by you)" : decision;
    }

    /** The same in the reader's language (the patient's own history); a decision this portal does not know as is. */
    public static String decisionForPatient(care.homeprogram.portal.client.Session session, PortalMessages words) {
        if (session.withdrawn()) {
            return words.decision_withdrawnByYou();
        }
        String decision = switch (session.decision() == null ? "" : session.decision()) {
            case "CONTINUE" -> words.decision_CONTINUE();
            case "ITEM_PAUSED" -> words.decision_ITEM_PAUSED();
            case "SEEK_CARE_TODAY" -> words.decision_SEEK_CARE_TODAY();
            case "SEEK_CARE_NOW" -> words.decision_SEEK_CARE_NOW();
            default -> decision(session.decision());
        };
        return "CORRECTED".equals(session.status()) ? words.decision_correctedByYou(decision) : decision;
    }

    /** A stop symptom in the reader's language; one this portal does not know as its code. */
    public static String symptom(String code, PortalMessages words) {
        return switch (code == null ? "" : code) {
            case "SHARP_PAIN" -> words.symptom_SHARP_PAIN();
            case "PAIN_SPREADING_DOWN_LEG" -> words.symptom_PAIN_SPREADING_DOWN_LEG();
            case "NEW_NUMBNESS_OR_WEAKNESS" -> words.symptom_NEW_NUMBNESS_OR_WEAKNESS();
            case "PAIN_RISING_WITH_REPETITIONS" -> words.symptom_PAIN_RISING_WITH_REPETITIONS();
            default -> symptom(code);
        };
    }

    public static String decision(String decision) {
        return switch (decision == null ? "" : decision) {
            case "CONTINUE" -> "Continue";
            case "ITEM_PAUSED" -> "This exercise is paused";
            case "SEEK_CARE_TODAY" -> "See a doctor today";
            case "SEEK_CARE_NOW" -> "Get emergency help now";
            default -> decision;
        };
    }

    public static String planStatus(String status) {
        return switch (status == null ? "" : status) {
            case "DRAFT" -> "Draft";
            case "ACTIVE" -> "Active";
            case "ON_HOLD" -> "On hold";
            case "COMPLETED" -> "Completed";
            case "REVOKED" -> "Revoked";
            default -> status;
        };
    }

    /**
     * An alert's escalation step (plan-service, docs/clinical-rules.md rule 10) in words: what was done, at what
     * time, and how long the alert had then gone unacknowledged ({@code waited}, from its first report; null when
     * unknown). The waiting time is read from the alert, not assumed, since the clinic can configure the steps.
     */
    public static String escalation(String step, String at, java.time.Duration waited) {
        String what = switch (step == null ? "" : step) {
            case "CARE_TEAM" -> "Care team re-notified";
            case "ESCALATION_CONTACT" -> "Escalation contact told";
            case "HIGH_REMINDER" -> "Reminder sent to the care team";
            default -> "Escalated (" + (step == null ? "unknown step" : step.replace('_', ' ')
                    .toLowerCase(java.util.Locale.ROOT)) + ")";
        };
        String text = at == null || at.isEmpty() ? what : what + " at " + at;
        return waited == null || waited.isNegative() || waited.toMinutes() < 1 ? text
                : text + " (not acknowledged within " + duration(waited) + ")";
    }

    /** 15 minutes, 1 hour, 24 hours, 2 hours 5 minutes, 1 minute (whole minutes, rounded down). */
    static String duration(java.time.Duration d) {
        long minutes = d.toMinutes();
        long hours = minutes / 60;
        long rest = minutes % 60;
        String h = hours == 1 ? "1 hour" : hours + " hours";
        String m = rest == 1 ? "1 minute" : rest + " minutes";
        if (hours == 0) {
            return m;
        }
        return rest == 0 ? h : h + " " + m;
    }

    public static String adherenceLevel(String level) {
        return switch (level == null ? "" : level) {
            case "ON_TRACK" -> "On track";
            case "INACTIVE" -> "Inactive 3+ days";
            case "STALLED" -> "Stalled 14+ days";
            case "DROPPED" -> "Dropped 21+ days";
            default -> "No plan";
        };
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /** An outcome measure's occasion (INTAKE, WEEK_4, DISCHARGE) in words. */
    public static String occasion(String occasion) {
        if (occasion == null) {
            return "";
        }
        if (occasion.startsWith("WEEK_")) {
            return "Week " + occasion.substring("WEEK_".length());
        }
        return switch (occasion) {
            case "INTAKE" -> "At the start";
            case "DISCHARGE" -> "At the end of the program";
            default -> occasion;
        };
    }
}
