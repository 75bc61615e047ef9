package care.homeprogram.plans.config;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.ExerciseContent;
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
import java.time.Clock;
import java.time.OffsetDateTime;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Seeds the exercise library and templates from seed/library.json (data from the clinic's home-care guide, not
 * code). A missing entry is inserted; an entry already present changes only when the file carries a higher
 * {@code seedVersion} for it than the one recorded as applied (table library_seed): then its content becomes a new
 * content version, recorded as made by "seed" with that seed version, and plans already assigned keep the words they
 * were assigned with, exactly as after a therapist's edit of their own entry. Equal or lower seed versions change
 * nothing, so a restart with the same file is a no-op. Replicas starting at once take turns (a PostgreSQL advisory
 * lock held for each seeding transaction), so a correction is applied once.
 */
@ApplicationScoped
public class LibrarySeeder {
    private static final Logger LOG = Logger.getLogger(LibrarySeeder.class);

    record SeedExercise(String slug, @jakarta.validation.constraints.Positive int seedVersion, String name, Exercise.Category category, String summary, List<String> instructions,
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

    record SeedTemplate(String slug, @jakarta.validation.constraints.Positive int seedVersion, String name, String description, String condition, boolean acute,
            List<@Valid SeedTemplateItem> items) {
    }

    record Library(int version, List<@Valid SeedExercise> exercises, List<@Valid SeedTemplate> templates) {
    }

    /** What one seeding did: entries inserted, entries corrected by a higher seed version, drawings attached. */
    record Outcome(int added, int corrected, int illustrated) {
    }

    /** Who a seed correction's content version is recorded as made by. */
    static final String SEED = "seed";

    /** The key of the advisory lock the replicas take turns on while seeding ("libseed"). */
    private static final long SEED_LOCK = 0x6c6962_73656564L;

    private final ObjectMapper mapper;
    private final Validator validator;
    private final ExerciseMediaService media;
    private final Clock clock;

    public LibrarySeeder(ObjectMapper mapper, Validator validator, ExerciseMediaService media, Clock clock) {
        this.mapper = mapper;
        this.validator = validator;
        this.media = media;
        this.clock = clock;
    }

    void seed(@Observes StartupEvent startup) {
        apply(read(mapper));
    }

    /**
     * Seeds this library: validates it whole (new and corrected entries alike), then inserts what is missing and
     * applies higher seed versions, then attaches the drawings. Package-visible for the tests, which seed a corrected
     * library as a deployment of a corrected seed/library.json would.
     */
    Outcome apply(Library library) {
        // A dose the API would refuse must not reach patients through the seed either: refuse to start instead.
        Set<ConstraintViolation<Library>> invalid = validator.validate(library);
        if (!invalid.isEmpty()) {
            throw new IllegalStateException("seed/library.json is invalid: " + invalid.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().toList());
        }
        int[] addedAndCorrected = QuarkusTransaction.requiringNew().call(() -> {
            lockSeeding();
            return seed(library);
        });
        int illustrated = 0;
        for (SeedExercise s : library.exercises()) {
            if (s.illustration() != null && QuarkusTransaction.requiringNew().call(() -> {
                lockSeeding();
                return illustrate(s.slug(), s.illustration());
            })) {
                illustrated++;
            }
        }
        LOG.infof("library version %d: %d entries added, %d corrected by a new seed version, %d illustrations attached",
                library.version(), addedAndCorrected[0], addedAndCorrected[1], illustrated);
        return new Outcome(addedAndCorrected[0], addedAndCorrected[1], illustrated);
    }

    /**
     * Held to the end of the current transaction: a second replica starting at the same moment waits, then finds the
     * entries inserted and the seed versions recorded, and does nothing twice.
     */
    private static void lockSeeding() {
        Exercise.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(:key)")
                .setParameter("key", SEED_LOCK).getSingleResult();
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

    /** Inserts the missing entries and applies higher seed versions; returns {added, corrected}. */
    private int[] seed(Library library) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int added = 0;
        int corrected = 0;
        for (SeedExercise s : library.exercises()) {
            Exercise existing = Exercise.bySlug(s.slug()).orElse(null);
            if (existing == null) {
                Exercise e = new Exercise();
                e.id = UUID.randomUUID();
                e.slug = s.slug();
                e.contentVersion = library.version();
                fill(e, s);
                e.persist();
                Exercise.flush();
                ExerciseContent.recordSeeded(e, now, SEED, s.seedVersion());
                recordApplied(Kind.EXERCISE, s.slug(), s.seedVersion(), now);
                added++;
            } else if (existing.ownerTherapistId == null && s.seedVersion() > applied(Kind.EXERCISE, s.slug())) {
                // The words as they read until now stay on record (plans assigned with them keep showing them).
                Exercise.flush();
                ExerciseContent.recordCurrent(existing, now);
                fill(existing, s);
                existing.contentVersion++;
                Exercise.flush();
                ExerciseContent.recordSeeded(existing, now, SEED, s.seedVersion());
                recordApplied(Kind.EXERCISE, s.slug(), s.seedVersion(), now);
                corrected++;
            }
        }
        for (SeedTemplate s : library.templates()) {
            Template existing = Template.bySlug(s.slug()).orElse(null);
            if (existing == null) {
                Template t = new Template();
                t.id = UUID.randomUUID();
                t.slug = s.slug();
                fill(t, s);
                t.persist();
                recordApplied(Kind.TEMPLATE, s.slug(), s.seedVersion(), now);
                added++;
            } else if (existing.ownerTherapistId == null && s.seedVersion() > applied(Kind.TEMPLATE, s.slug())) {
                // A plan copies a template's items when it is built, so plans built from it are unaffected.
                existing.items.clear();
                Template.flush(); // the old rows go before the new ones take their positions
                fill(existing, s);
                recordApplied(Kind.TEMPLATE, s.slug(), s.seedVersion(), now);
                corrected++;
            }
        }
        return new int[] {added, corrected};
    }

    private static void fill(Exercise e, SeedExercise s) {
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
    }

    private static void fill(Template t, SeedTemplate s) {
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
    }

    enum Kind {
        EXERCISE, TEMPLATE
    }

    /** The highest seed version recorded as applied to the entry; 0 if none. */
    static int applied(Kind kind, String slug) {
        Number version = (Number) Exercise.getEntityManager().createNativeQuery(
                "SELECT COALESCE(MAX(seed_version), 0) FROM library_seed WHERE kind = :kind AND slug = :slug")
                .setParameter("kind", kind.name()).setParameter("slug", slug).getSingleResult();
        return version.intValue();
    }

    private static void recordApplied(Kind kind, String slug, int seedVersion, OffsetDateTime now) {
        Exercise.getEntityManager().createNativeQuery("""
                INSERT INTO library_seed (kind, slug, seed_version, applied_at, applied_by)
                VALUES (:kind, :slug, :version, :now, :by) ON CONFLICT DO NOTHING
                """).setParameter("kind", kind.name()).setParameter("slug", slug).setParameter("version", seedVersion)
                .setParameter("now", now).setParameter("by", SEED).executeUpdate();
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
