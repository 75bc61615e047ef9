package care.homeprogram.portal.service;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the patient's pages and printed program are written in (docs/portal.md, "Languages"): English, the
 * original and the fallback, and Spanish and German ({@link PortalMessages}). plan-service has the same three for the
 * library's words and the safety messages, so a page and the content in it are in one language.
 */
public enum Language {
    EN("English"), ES("Español"), DE("Deutsch");

    private final String ownName;

    Language(String ownName) {
        this.ownName = ownName;
    }

    /** The BCP 47 tag: {@code <html lang>}, {@code Accept-Language} to plan-service, patient-service's value. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag());
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

    /**
     * The best of ours in a browser's {@code Accept-Language} (RFC 9110 §12.5.4, parsed by the JDK): the highest
     * weight first, the earlier on a tie, weight 0 never; {@code *} and languages we do not have are skipped. A
     * malformed header is no preference, never an error.
     */
    public static Optional<Language> bestOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 1000) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(acceptLanguage);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        // parse() sorts by weight, highest first, keeping the header's order on a tie
        return ranges.stream().filter(range -> range.getWeight() > 0)
                .map(range -> ofTag(range.getRange())).flatMap(Optional::stream).findFirst();
    }
}
