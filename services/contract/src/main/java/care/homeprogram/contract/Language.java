package care.homeprogram.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the platform writes in, the same three in every service so a page, the content in it and the messages
 * about it are in one language: English, the original and the fallback, and Spanish and German (translations; their
 * clinical wording awaits review, docs/clinical-rules.md). plan-service writes the library and the safety messages in
 * them, the portal the patient's pages and the printed program, notification-service the messages.
 */
public enum Language {
    EN("English"), ES("Español"), DE("Deutsch");

    private final String ownName;
    // Made once: every page asks for them several times (its <html lang>, its words, each call to plan-service).
    private final String tag;
    private final Locale locale;

    Language(String ownName) {
        this.ownName = ownName;
        this.tag = name().toLowerCase(Locale.ROOT);
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The BCP 47 tag: {@code <html lang>}, {@code Content-Language}, patient-service's stored value, file suffixes. */
    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** The language's name in itself ("Deutsch"), as a language switch shows it to someone who cannot read the rest. */
    public String ownName() {
        return ownName;
    }

    /** The language of a tag such as {@code es} or {@code de-AT} (its primary subtag), if it is one of ours. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String primary = tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.tag().equals(primary)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** A stored preference read as a language to write in: one of ours, else English (the fallback). */
    public static Language ofTagOrEnglish(String tag) {
        return ofTag(tag).orElse(EN);
    }

    /**
     * The best of ours in an {@code Accept-Language} header (RFC 9110 §12.5.4): the highest weight wins, the earlier
     * on a tie; weight 0 means "not this one"; {@code *} and languages we do not have are skipped. A malformed part is
     * skipped, never an error, and does not void the rest: a header is a preference, not a request to refuse.
     */
    public static Optional<Language> bestOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return Optional.empty();
        }
        Language best = null;
        double bestWeight = 0;
        for (String range : acceptLanguage.split(",")) {
            String[] parts = range.split(";");
            Optional<Language> language = ofTag(parts[0]);
            if (language.isEmpty()) {
                continue;
            }
            double weight = 1;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip();
                if (parameter.startsWith("q=") || parameter.startsWith("Q=")) {
                    try {
                        weight = Double.parseDouble(parameter.substring(2));
                    } catch (NumberFormatException e) {
                        weight = 0;
                    }
                }
            }
            if (weight > bestWeight) {
                best = language.get();
                bestWeight = weight;
            }
        }
        return Optional.ofNullable(best);
    }
}
