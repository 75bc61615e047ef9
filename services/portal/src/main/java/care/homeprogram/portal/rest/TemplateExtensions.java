package care.homeprogram.portal.rest;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;

/** Small formatting helpers for the templates. */
@TemplateExtension
public class TemplateExtensions {
    private TemplateExtensions() {
    }

    /** "MYOFASCIAL_RELEASE" → "Myofascial release". */
    /** An outcome measure's occasion code in words: {@code {due.occasion.occasionText}}. */
    static String occasionText(String occasion) {
        return care.homeprogram.portal.service.Wording.occasion(occasion);
    }

    /** The week of a {@code WEEK_n} occasion ("6"), else empty: the patient's pages say it in their language. */
    static String occasionWeek(String occasion) {
        return occasion != null && occasion.startsWith("WEEK_") ? occasion.substring("WEEK_".length()) : "";
    }

    static String humanize(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A plan's status in words: "On hold". */
    static String statusText(care.homeprogram.portal.client.Plan plan) {
        return care.homeprogram.portal.service.Wording.planStatus(plan.status());
    }

    /** "MONDAY" → "Mon". */
    static String shortDay(String day) {
        return day.charAt(0) + day.substring(1, 3).toLowerCase(Locale.ROOT);
    }
}
