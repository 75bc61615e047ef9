package care.homeprogram.plans.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the shipped library, its templates and the safety messages are written in. English is the original
 * and the fallback; Spanish and German are translations (docs/clinical-rules.md, "Translations awaiting clinical
 * review").
 */
public enum Language {
    EN, ES, DE;

    /** The BCP 47 tag sent as {@code Content-Language}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language of a tag such as {@code es} or {@code de-AT} (its primary subtag), if it is one of ours. */
    public static Optional<Language> ofTag(String tag) {
        if (tag == null) {
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

    /**
     * The best of ours in an {@code Accept-Language} header (RFC 9110 §12.5.4): the highest weight wins, the earlier
     * on a tie; weight 0 means "not this one"; {@code *} and languages we do not have are skipped. Malformed parts are
     * ignored, never an error: a header is a preference, not a request to refuse.
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
