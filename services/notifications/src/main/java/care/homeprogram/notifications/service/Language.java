package care.homeprogram.notifications.service;

import java.util.Locale;

/**
 * The languages messages are written in (docs/notifications.md, "Languages"). A patient's {@code preferredLanguage}
 * is a language tag such as {@code es} or {@code de-AT}: its language decides, the region does not; a language we do
 * not write in, or none, reads English.
 */
public enum Language {
    EN, ES, DE;

    public static Language of(String tag) {
        if (tag == null || tag.isBlank()) {
            return EN;
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        for (Language candidate : values()) {
            if (candidate.tag().equals(language)) {
                return candidate;
            }
        }
        return EN;
    }

    /** The two-letter tag, as in the name of the language's text file. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
