package care.homeprogram.plans.service;

import care.homeprogram.contract.Language;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.ExerciseContent;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped library and templates in Spanish and German (seed/library.es.json, seed/library.de.json), beside the
 * English original (seed/library.json). A translation is shown only for words that are exactly the shipped English
 * of a clinic entry, and only while the translation was made from the entry's current seed version: an entry a seed
 * correction changed, an older content version of it, or a therapist's own entry keeps its English (what was
 * written) until a translation of those very words is shipped. Resolved in memory from the files; translated content
 * versions are kept by (entry, content version, language), like {@link LibraryContentCache}, so the patient's hot
 * read asks the database for nothing more.
 */
@ApplicationScoped
public class LibraryTranslations {
    static final int MAX_ENTRIES = 20_000;

    /** An entry's words as the seed files carry them (English and translations alike). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExerciseText(String slug, int seedVersion, String name, String summary, List<String> instructions,
            List<String> cautions, String whySafe, Illustration illustration) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Illustration(String alt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TemplateText(String slug, int seedVersion, String name, String description) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Shipped(List<ExerciseText> exercises, List<TemplateText> templates) {
    }

    /** The English words a translation belongs to: all of them, so a changed sentence is never half translated. */
    private record Words(String name, String summary, List<String> instructions, List<String> cautions,
            String whySafe) {
        static Words of(ExerciseText t) {
            return new Words(t.name(), t.summary(), t.instructions(), t.cautions(), t.whySafe());
        }
    }

    private record TemplateWords(String name, String description) {
    }

    private record Key(UUID exerciseId, int contentVersion, Language language) {
    }

    private final Map<Words, Map<Language, ExerciseText>> exercises = new HashMap<>();
    private final Map<TemplateWords, Map<Language, TemplateText>> templates = new HashMap<>();
    private final Map<String, Map<Language, String>> names = new HashMap<>();
    private final Map<String, Map<Language, String>> alts = new HashMap<>();
    private final Map<Key, ExerciseContent> translated = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> clinicEntries = new ConcurrentHashMap<>();

    public LibraryTranslations(ObjectMapper mapper) {
        Shipped english = read(mapper, null);
        Map<String, ExerciseText> englishExercises = new HashMap<>();
        english.exercises().forEach(e -> englishExercises.put(e.slug(), e));
        Map<String, TemplateText> englishTemplates = new HashMap<>();
        english.templates().forEach(t -> englishTemplates.put(t.slug(), t));
        for (Language language : List.of(Language.ES, Language.DE)) {
            Shipped translation = read(mapper, language);
            for (ExerciseText t : translation.exercises()) {
                ExerciseText original = englishExercises.get(t.slug());
                if (original == null || original.seedVersion() != t.seedVersion()) {
                    continue; // made from other words than those shipped now: English is shown
                }
                exercises.computeIfAbsent(Words.of(original), w -> new EnumMap<>(Language.class)).put(language, t);
                names.computeIfAbsent(original.name(), n -> new EnumMap<>(Language.class)).put(language, t.name());
                if (original.illustration() != null && t.illustration() != null) {
                    alts.computeIfAbsent(original.illustration().alt(), a -> new EnumMap<>(Language.class))
                            .put(language, t.illustration().alt());
                }
            }
            for (TemplateText t : translation.templates()) {
                TemplateText original = englishTemplates.get(t.slug());
                if (original != null && original.seedVersion() == t.seedVersion()) {
                    templates.computeIfAbsent(new TemplateWords(original.name(), original.description()),
                            w -> new EnumMap<>(Language.class)).put(language, t);
                }
            }
        }
    }

    /**
     * A plan item's words in that language: the translation of this content version if it is a clinic entry's
     * shipped English, else the words as written. The result is marked with its language when translated.
     */
    public ExerciseContent content(ExerciseContent english, Language language) {
        if (english == null || language == Language.EN) {
            return english;
        }
        Map<Language, ExerciseText> known = exercises.get(new Words(english.name, english.summary,
                english.instructions, english.cautions, english.whySafe));
        if (known == null || !known.containsKey(language) || !isClinicEntry(english.key.exerciseId())) {
            return english;
        }
        if (english.createdAt == null) {
            return translatedCopy(english, known.get(language), language); // the entry's words now, not a version
        }
        Key key = new Key(english.key.exerciseId(), english.key.contentVersion(), language);
        ExerciseContent cached = translated.get(key);
        if (cached != null) {
            return cached;
        }
        if (translated.size() >= MAX_ENTRIES) {
            translated.clear();
        }
        ExerciseContent copy = translatedCopy(english, known.get(language), language);
        translated.put(key, copy);
        return copy;
    }

    /** A clinic entry's current words in that language (the library as therapists browse it). */
    public ExerciseText exercise(Exercise entry, Language language) {
        if (language == Language.EN || entry.ownerTherapistId != null) {
            return null;
        }
        Map<Language, ExerciseText> known = exercises.get(new Words(entry.name, entry.summary, entry.instructions,
                entry.cautions, entry.whySafe));
        return known == null ? null : known.get(language);
    }

    /** A clinic template's name and description in that language, or null to keep them as written. */
    public TemplateText template(String name, String description, boolean clinicTemplate, Language language) {
        if (language == Language.EN || !clinicTemplate) {
            return null;
        }
        Map<Language, TemplateText> known = templates.get(new TemplateWords(name, description));
        return known == null ? null : known.get(language);
    }

    /** A clinic entry's shipped name in that language, else as written. */
    public String name(String name, boolean clinicEntry, Language language) {
        if (language == Language.EN || !clinicEntry) {
            return name;
        }
        return names.getOrDefault(name, Map.of()).getOrDefault(language, name);
    }

    /** A seeded illustration's alt text in that language, else as written. */
    public String alt(String alt, boolean seededIllustration, Language language) {
        if (language == Language.EN || !seededIllustration || alt == null) {
            return alt;
        }
        return alts.getOrDefault(alt, Map.of()).getOrDefault(language, alt);
    }

    /** Asked once per entry whose words match shipped ones: a therapist's own entry never becomes clinic's. */
    private boolean isClinicEntry(UUID exerciseId) {
        return clinicEntries.computeIfAbsent(exerciseId, id -> {
            Exercise entry = Exercise.findById(id);
            return entry != null && entry.ownerTherapistId == null;
        });
    }

    private static ExerciseContent translatedCopy(ExerciseContent english, ExerciseText text, Language language) {
        ExerciseContent copy = new ExerciseContent();
        copy.key = english.key;
        copy.name = text.name();
        copy.summary = text.summary();
        copy.instructions = List.copyOf(text.instructions());
        copy.cautions = List.copyOf(text.cautions());
        copy.whySafe = text.whySafe();
        copy.createdAt = english.createdAt;
        copy.language = language;
        return copy;
    }

    /** The shipped file of that language (null: the English original). */
    public static Shipped read(ObjectMapper mapper, Language language) {
        String file = language == null ? "/seed/library.json" : "/seed/library." + language.tag() + ".json";
        try (InputStream in = LibraryTranslations.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing");
            }
            return mapper.readValue(in, Shipped.class);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is unreadable", e);
        }
    }
}
