package care.homeprogram.plans.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.contract.Language;
import care.homeprogram.plans.service.LibraryTranslations.ExerciseText;
import care.homeprogram.plans.service.LibraryTranslations.Shipped;
import care.homeprogram.plans.service.LibraryTranslations.TemplateText;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The shipped library in Spanish and German (seed/library.es.json, seed/library.de.json) against the English original
 * (seed/library.json): every seeded entry and template is translated from its current seed version, every text the
 * patient or therapist reads is there and not blank, lists have as many lines, and every number (doses, times, pain
 * scores, citations) reads as in the English.
 */
class ShippedTranslationsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private static List<String> numbers(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found.stream().sorted().toList();
    }

    /** Same count of lines, none blank, each with the English line's numbers. */
    private static void sameMeaningfulShape(String where, String english, String translated) {
        assertThat(translated).as(where).isNotBlank();
        assertThat(numbers(translated)).as(where + ": numbers in \"" + translated + "\"")
                .isEqualTo(numbers(english));
    }

    private static void sameLines(String where, List<String> english, List<String> translated) {
        assertThat(translated).as(where).hasSameSizeAs(english);
        for (int i = 0; i < english.size(); i++) {
            sameMeaningfulShape(where + "[" + i + "]", english.get(i), translated.get(i));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ES", "DE"})
    void everySeededEntryIsTranslatedWithItsNumbersIntact(Language language) {
        Shipped english = LibraryTranslations.read(MAPPER, null);
        Shipped translated = LibraryTranslations.read(MAPPER, language);
        Map<String, ExerciseText> bySlug = translated.exercises().stream()
                .collect(Collectors.toMap(ExerciseText::slug, Function.identity()));
        assertThat(bySlug.keySet()).as("the entries translated")
                .isEqualTo(english.exercises().stream().map(ExerciseText::slug).collect(Collectors.toSet()));

        for (ExerciseText original : english.exercises()) {
            ExerciseText t = bySlug.get(original.slug());
            String where = language + " " + original.slug();
            assertThat(t.seedVersion()).as(where + " translated from the current seed version")
                    .isEqualTo(original.seedVersion());
            sameMeaningfulShape(where + " name", original.name(), t.name());
            sameMeaningfulShape(where + " summary", original.summary(), t.summary());
            sameMeaningfulShape(where + " whySafe", original.whySafe(), t.whySafe());
            sameLines(where + " instructions", original.instructions(), t.instructions());
            sameLines(where + " cautions", original.cautions(), t.cautions());
            assertThat(t.illustration()).as(where + " illustration").isNotNull();
            sameMeaningfulShape(where + " alt", original.illustration().alt(), t.illustration().alt());
            // Translated, not copied: no caution left in English.
            assertThat(t.cautions()).as(where + " cautions in English").doesNotContainAnyElementsOf(
                    original.cautions());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = {"ES", "DE"})
    void everySeededTemplateIsTranslated(Language language) {
        Shipped english = LibraryTranslations.read(MAPPER, null);
        Map<String, TemplateText> bySlug = LibraryTranslations.read(MAPPER, language).templates().stream()
                .collect(Collectors.toMap(TemplateText::slug, Function.identity()));
        assertThat(bySlug.keySet())
                .isEqualTo(english.templates().stream().map(TemplateText::slug).collect(Collectors.toSet()));
        for (TemplateText original : english.templates()) {
            TemplateText t = bySlug.get(original.slug());
            assertThat(t.seedVersion()).isEqualTo(original.seedVersion());
            sameMeaningfulShape(language + " " + original.slug() + " name", original.name(), t.name());
            sameMeaningfulShape(language + " " + original.slug() + " description", original.description(),
                    t.description());
            assertThat(t.name()).isNotEqualTo(original.name());
        }
    }
}
