package care.homeprogram.portal.service;

import care.homeprogram.contract.Language;
import care.homeprogram.portal.client.Dose;
import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A dose in plain words: "5 reps, hold 5 s · 2 times a day · every day · 2 weeks". One wording, the bundle's
 * ({@link PortalMessages}, {@code dose_*}): the patient's pages and printed program read it in the patient's
 * language, the therapist's pages, the plan history and the progress report in English ({@link #of(Dose)}).
 */
public final class DoseText {
    private DoseText() {
    }

    /** In English, for the therapist's pages, the plan history and the progress report. */
    public static String of(Dose dose) {
        return of(dose, PageLanguage.of(Language.EN), Locale.ENGLISH);
    }

    /** In the reader's language ({@code words}, day names in {@code locale}). */
    public static String of(Dose dose, PortalMessages words, Locale locale) {
        if (dose == null) {
            return "";
        }
        StringBuilder text = new StringBuilder(amount(dose, words));
        if (dose.timesPerDay() != null) {
            append(text, dose.timesPerDay() == 1 ? words.dose_onceADay() : words.dose_timesADay(dose.timesPerDay()));
        }
        if (dose.daysOfWeek() != null && !dose.daysOfWeek().isEmpty()) {
            append(text, EnumSet.copyOf(dose.daysOfWeek()).size() == 7 ? words.dose_everyDay()
                    : dose.daysOfWeek().stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                            .collect(Collectors.joining(", ")));
        }
        if (dose.weeks() != null) {
            append(text, dose.weeks() == 1 ? words.dose_oneWeek() : words.dose_weeks(dose.weeks()));
        }
        return text.toString();
    }

    /** What to do once (sets, reps, hold, duration), in the reader's language. */
    public static String amount(Dose dose, PortalMessages words) {
        StringBuilder text = new StringBuilder();
        if (dose.reps() != null) {
            String reps = dose.reps() == 1 ? words.dose_oneRep() : words.dose_reps(dose.reps());
            text.append(dose.sets() != null && dose.sets() > 1 ? words.dose_setsOf(dose.sets(), reps) : reps);
        } else if (dose.sets() != null && dose.sets() > 1) {
            text.append(words.dose_sets(dose.sets()));
        }
        if (dose.holdSeconds() != null) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(words.dose_hold(seconds(dose.holdSeconds())));
        }
        if (dose.durationSeconds() != null) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(seconds(dose.durationSeconds()));
        }
        return text.toString();
    }

    public static String seconds(int seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        int minutes = seconds / 60;
        int rest = seconds % 60;
        return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
    }

    /** The seconds a timer should count for this item: the hold, else the duration; 0 for none. */
    public static int timerSeconds(Dose dose) {
        if (dose == null) {
            return 0;
        }
        if (dose.holdSeconds() != null) {
            return dose.holdSeconds();
        }
        return dose.durationSeconds() != null ? dose.durationSeconds() : 0;
    }

    private static void append(StringBuilder text, String part) {
        if (part.isEmpty()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append(" · ");
        }
        text.append(part);
    }
}
