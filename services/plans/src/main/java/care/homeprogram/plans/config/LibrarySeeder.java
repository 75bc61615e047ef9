package care.homeprogram.plans.config;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Exercise;
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
import java.util.List;
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
            List<String> cautions, String whySafe, Dose defaultDose, List<Exercise.Flag> flags, List<String> sources) {
    }

    record SeedTemplateItem(String exercise, int startWeek, Dose dose) {
    }

    record SeedTemplate(String slug, String name, String description, String condition, List<SeedTemplateItem> items) {
    }

    record Library(int version, List<SeedExercise> exercises, List<SeedTemplate> templates) {
    }

    private final ObjectMapper mapper;

    public LibrarySeeder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void seed(@Observes StartupEvent startup) {
        Library library = read();
        int added = QuarkusTransaction.requiringNew().call(() -> seed(library));
        LOG.infof("library version %d: %d entries added", library.version(), added);
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
                t.items.add(item);
            }
            t.persist();
            added++;
        }
        return added;
    }

    private Library read() {
        try (InputStream in = LibrarySeeder.class.getResourceAsStream("/seed/library.json")) {
            return mapper.readValue(in, Library.class);
        } catch (IOException e) {
            throw new UncheckedIOException("seed/library.json is unreadable", e);
        }
    }
}
