package care.homeprogram.plans.config;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.ExerciseMedia;
import care.homeprogram.plans.service.ExerciseMediaService;
import care.homeprogram.plans.domain.Template;
import care.homeprogram.plans.domain.TemplateItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Seeds the exercise library and templates from seed/library.json (data from the clinic's home-care guide, not
 * code). Entries already present are left alone: therapists may have edited them.
 */
@ApplicationScoped
public class LibrarySeeder {
    private static final Logger LOG = Logger.getLogger(LibrarySeeder.class);

    record SeedExercise(String slug, String name, Exercise.Category category, String summary, List<String> instructions,
            List<String> cautions, String whySafe, @Valid Dose defaultDose, List<Exercise.Flag> flags,
            List<String> sources, Exercise.Temperature temperature, List<Exercise.BodyRegion> bodyRegions,
            @Valid Illustration illustration) {

        SeedExercise {
            bodyRegions = bodyRegions == null ? List.of() : bodyRegions;
        }
    }

    /**
     * The entry's drawing: an SVG under seed/ (illustrations/&lt;slug&gt;.svg) and its alt text, describing the movement.
     */
    record Illustration(
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Pattern(
                    regexp = "illustrations/[a-z0-9-]+\\.svg") String file,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 2000) String alt) {
    }

    record SeedTemplateItem(String exercise, int startWeek, @Valid Dose dose, List<Exercise.BodyRegion> targetRegions) {

        SeedTemplateItem {
            targetRegions = targetRegions == null ? List.of() : targetRegions;
        }
    }

    record SeedTemplate(String slug, String name, String description, String condition, boolean acute,
            List<@Valid SeedTemplateItem> items) {
    }

    record Library(int version, List<@Valid SeedExercise> exercises, List<@Valid SeedTemplate> templates) {
    }

    private final ObjectMapper mapper;
    private final Validator validator;
    private final ExerciseMediaService media;

    public LibrarySeeder(ObjectMapper mapper, Validator validator, ExerciseMediaService media) {
        this.mapper = mapper;
        this.validator = validator;
        this.media = media;
    }

    void seed(@Observes StartupEvent startup) {
        Library library = read(mapper);
        // A dose the API would refuse must not reach patients through the seed either: refuse to start instead.
        Set<ConstraintViolation<Library>> invalid = validator.validate(library);
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("seed/library.json is invalid: " + invalid.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
        }
        int added = QuarkusTransaction.requiringNew().call(() -> seed(library));
        int illustrated = 0;
        for (SeedExercise s : library.exercises()) {
            if (s.illustration() != null
                    && QuarkusTransaction.requiringNew().call(() -> illustrate(s.slug(), s.illustration()))) {
                illustrated++;
            }
        }
        LOG.infof("library version %d: %d entries added, %d illustrations attached", library.version(), added,
                illustrated);
    }

    /**
     * Attaches the entry's seeded drawing unless it already has it (the file's name is recorded with it), checked and
     * sanitised like any upload: a drawing the upload would refuse stops the service from starting.
     */
    boolean illustrate(String slug, Illustration illustration) {
        Exercise exercise = Exercise.bySlug(slug).orElseThrow();
        if (ExerciseMedia.count("exercise.id = ?1 and seedFile = ?2", exercise.id, illustration.file()) > 0) {
            return false;
        }
        try (InputStream in = LibrarySeeder.class.getResourceAsStream("/seed/" + illustration.file())) {
            if (in == null) {
                throw new IllegalStateException("seed/library.json names " + illustration.file()
                        + " for " + slug + ", which is not in seed/");
            }
            media.store(exercise, ExerciseMedia.Kind.IMAGE, illustration.alt(), in, null, illustration.file());
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("seed/" + illustration.file() + " is unreadable", e);
        } catch (care.homeprogram.commons.problem.ProblemException e) {
            throw new IllegalStateException("seed/" + illustration.file() + " is not accepted: " + e.getMessage(), e);
        }
    }

    private int seed(Library library) {
        int added = 0;
        for (SeedExercise s : library.exercises()) {
            if (Exercise.bySlug(s.slug()).isPresent()) {
                continue;
            }
            Exercise e = new Exercise();
            e.id = UUID.randomUUID();
            e.slug = s.slug();
            e.name = s.name();
            e.category = s.category();
            e.summary = s.summary();
            e.instructions = s.instructions();
            e.cautions = s.cautions();
            e.whySafe = s.whySafe();
            e.defaultDose = s.defaultDose();
            e.flags = s.flags();
            e.sources = s.sources();
            e.temperature = s.temperature();
            e.bodyRegions = s.bodyRegions();
            e.contentVersion = library.version();
            e.persist();
            added++;
        }
        for (SeedTemplate s : library.templates()) {
            if (Template.bySlug(s.slug()).isPresent()) {
                continue;
            }
            Template t = new Template();
            t.id = UUID.randomUUID();
            t.slug = s.slug();
            t.name = s.name();
            t.description = s.description();
            t.condition = s.condition();
            t.acute = s.acute();
            int position = 0;
            for (SeedTemplateItem si : s.items()) {
                TemplateItem item = new TemplateItem();
                item.id = UUID.randomUUID();
                item.template = t;
                item.exercise = Exercise.bySlug(si.exercise()).orElseThrow(
                        () -> new IllegalStateException("template " + s.slug() + " names unknown exercise " + si.exercise()));
                item.position = position++;
                item.startWeek = si.startWeek();
                item.dose = si.dose();
                item.targetRegions = si.targetRegions();
                t.items.add(item);
            }
            t.persist();
            added++;
        }
        return added;
    }

    /** The library as shipped; package-visible for the tests that check what it says. */
    static Library read(ObjectMapper mapper) {
        try (InputStream in = LibrarySeeder.class.getResourceAsStream("/seed/library.json")) {
            return mapper.readValue(in, Library.class);
        } catch (IOException e) {
            throw new UncheckedIOException("seed/library.json is unreadable", e);
        }
    }
}
