package care.homeprogram.plans.config;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.safety.PlanContentRules;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/**
 * What the product ships says what the guide says: the seeded library and templates keep the content rules, every
 * seeded dose is one the API accepts, and neither they nor the portal's pages and the notification texts ever say
 * "pain is progress".
 */
class ShippedContentTest {
    private static final SafetyConfig SHIPPED = new io.smallrye.config.SmallRyeConfigBuilder()
            .withMapping(SafetyConfig.class).build().getConfigMapping(SafetyConfig.class);
    private static final PlanContentRules RULES = new PlanContentRules(SHIPPED.content().settings());
    // Read as the seeder's (Quarkus) mapper reads it, which ignores fields it has no use for: the library also
    // carries what other parts read (each exercise's illustration, checked by SeedIllustrationsTest).
    private static final LibrarySeeder.Library LIBRARY = LibrarySeeder.read(
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false));

    @Test
    void everySeededDoseIsOneTheApiAccepts() {
        try (var factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            assertThat(validator.validate(LIBRARY)).isEmpty();
            LibrarySeeder.SeedExercise hydration = exercise("electrolyte-hydration");
            assertThat(validator.validate(hydration.defaultDose())).isEmpty();
            assertThat(hydration.defaultDose().timesPerDay()).isNotNull();

            // The seeder validates the library as a whole: a bad dose deep inside is found, as at start.
            LibrarySeeder.SeedExercise broken = new LibrarySeeder.SeedExercise(hydration.slug(), 1, hydration.name(),
                    hydration.category(), hydration.summary(), hydration.instructions(), hydration.cautions(),
                    hydration.whySafe(), new care.homeprogram.plans.domain.Dose(null, null, null, null, null,
                            hydration.defaultDose().daysOfWeek(), 4),
                    hydration.flags(), hydration.sources(), null, List.of(), null);
            assertThat(validator.validate(new LibrarySeeder.Library(LIBRARY.version(), List.of(broken),
                    LIBRARY.templates()))).extracting(v -> v.getPropertyPath().toString())
                    .containsExactly("exercises[0].defaultDose.timesPerDay");
        }
    }

    @Test
    void noSeededTextSaysPainIsProgress() {
        List<String> texts = new ArrayList<>();
        for (LibrarySeeder.SeedExercise e : LIBRARY.exercises()) {
            texts.add(e.name());
            texts.add(e.summary());
            texts.addAll(e.instructions());
            texts.addAll(e.cautions());
            texts.add(e.whySafe());
        }
        for (LibrarySeeder.SeedTemplate t : LIBRARY.templates()) {
            texts.add(t.name());
            texts.add(t.description());
        }
        assertThat(texts).hasSizeGreaterThan(100);
        assertThat(texts).allSatisfy(text -> assertThat(RULES.bannedPhraseIn(text)).as(text).isNull());
    }

    @Test
    void everySeededExerciseKeepsTheRulesForOwnExercises() {
        for (LibrarySeeder.SeedExercise e : LIBRARY.exercises()) {
            String prescription = e.name() + " " + e.summary() + " " + String.join(" ", e.instructions());
            List<PlanContentRules.Violation> violations = RULES.exerciseViolations(new PlanContentRules.Entry(
                    e.name(), e.category(), e.temperature(), Set.copyOf(e.bodyRegions()),
                    e.flags().contains(Exercise.Flag.NEVER_ON_LOW_BACK), prescription,
                    prescription + " " + String.join(" ", e.cautions()) + " " + e.whySafe()));
            assertThat(violations).as(e.slug()).isEmpty();
        }
        assertThat(exercise("contrast-heat-cold").temperature()).isEqualTo(Exercise.Temperature.HEAT_AND_COLD);
        assertThat(exercise("heat-wrap").temperature()).isEqualTo(Exercise.Temperature.HEAT);
        assertThat(exercise("foam-roller-release").bodyRegions()).isNotEmpty()
                .doesNotContain(Exercise.BodyRegion.LOW_BACK);
        assertThat(exercise("lacrosse-ball-release").bodyRegions()).isNotEmpty()
                .doesNotContain(Exercise.BodyRegion.LOW_BACK);
    }

    @Test
    void everySeededTemplateKeepsThePlanRulesAndTheAcuteOneIsAcute() {
        Map<String, LibrarySeeder.SeedExercise> bySlug = LIBRARY.exercises().stream()
                .collect(Collectors.toMap(LibrarySeeder.SeedExercise::slug, Function.identity()));
        for (LibrarySeeder.SeedTemplate t : LIBRARY.templates()) {
            List<PlanContentRules.Item> items = new ArrayList<>();
            for (int i = 0; i < t.items().size(); i++) {
                LibrarySeeder.SeedTemplateItem ti = t.items().get(i);
                LibrarySeeder.SeedExercise e = bySlug.get(ti.exercise());
                List<Exercise.BodyRegion> regions = ti.targetRegions().isEmpty() ? e.bodyRegions() : ti.targetRegions();
                items.add(new PlanContentRules.Item("items[" + i + "]", e.name(),
                        e.summary() + " " + String.join(" ", e.instructions()), e.category(), e.temperature(),
                        Set.copyOf(regions), e.flags().contains(Exercise.Flag.NEVER_ON_LOW_BACK),
                        ti.dose().holdSeconds(), false, null, false));
            }
            // A template built from as-is, with no cold reason given: the seeded ones need none.
            assertThat(RULES.planViolations(t.acute(), items)).as(t.slug()).isEmpty();
        }
        assertThat(LIBRARY.templates()).filteredOn(t -> t.slug().equals("acute-back-spasm-4-weeks"))
                .singleElement().satisfies(t -> assertThat(t.acute()).isTrue());
    }

    /** The portal's pages and notification-service's message texts, read from the repository. */
    @Test
    void neitherThePortalNorTheNotificationsSayPainIsProgress() throws IOException {
        Path services = Path.of("..").toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> portal = Files.walk(services.resolve("portal/src/main/resources/templates"));
                Stream<Path> notifications = Files.walk(services.resolve("notifications/src/main"))) {
            // notification-service's words are in its language files, put together by MessageTemplate
            files = Stream.concat(portal.filter(p -> p.toString().endsWith(".html")),
                    notifications.filter(p -> p.getFileName().toString().equals("MessageTemplate.java")
                            || p.getFileName().toString().matches("messages_[a-z]{2}\\.properties"))).toList();
        }
        assertThat(files).hasSizeGreaterThan(10)
                .anyMatch(p -> p.getFileName().toString().equals("today.html"))
                .anyMatch(p -> p.getFileName().toString().equals("MessageTemplate.java"))
                .anyMatch(p -> p.getFileName().toString().equals("messages_en.properties"));
        for (Path file : files) {
            assertThat(RULES.bannedPhraseIn(Files.readString(file))).as(file.toString()).isNull();
        }
    }

    @Test
    void theCheckFindsTheSayingsItLooksFor() {
        // Guards the tests above: a check that found nothing anywhere would pass them too.
        assertThat(RULES.bannedPhraseIn("<p>Remember: no pain, no gain!</p>")).isEqualTo("no pain no gain");
        assertThat(RULES.bannedPhraseIn("\"Pain is PROGRESS\"")).isEqualTo("pain is progress");
    }

    private static LibrarySeeder.SeedExercise exercise(String slug) {
        return LIBRARY.exercises().stream().filter(e -> e.slug().equals(slug)).findFirst().orElseThrow();
    }
}
