package care.homeprogram.plans.config;

import static care.homeprogram.testing.DemoUsers.POLLY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.testing.DemoPatients;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, item 3: a corrected seed reaches an existing database. A higher seedVersion in the library file makes a
 * new content version of the entry (recorded as made by the seed), which plans already assigned do not get; the same
 * version again changes nothing; two replicas starting at once apply it once.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class SeedVersionTest {
    private static final String DOSE = "{\"sets\": 1, \"reps\": 5, \"holdSeconds\": 5, \"timesPerDay\": 1, "
            + "\"daysOfWeek\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", "
            + "\"SUNDAY\"], \"weeks\": 2}";
    private static final String CORRECTED = "Kneel on all fours on a folded mat, hands under your shoulders.";

    @Inject
    LibrarySeeder seeder;

    @Inject
    ObjectMapper mapper;

    @Test
    void aHigherSeedVersionIsANewContentVersionOnceAndAssignedPlansKeepTheirWords() throws Exception {
        DemoPatients.publishRegistrations();
        await().atMost(Duration.ofSeconds(90)).until(() -> given().auth().oauth2(Tokens.accessToken("theo"))
                .get("/api/plans?patientId=" + POLLY).statusCode() == 200);
        LibrarySeeder.Library shipped = LibrarySeeder.read(mapper);
        // The service started with this file already: starting again changes nothing.
        assertThat(seeder.apply(shipped)).isEqualTo(new LibrarySeeder.Outcome(0, 0, 0));

        String exerciseId = given().auth().oauth2(Tokens.accessToken("theo")).get("/api/exercises").then()
                .statusCode(200).extract().path("items.find { it.slug == 'bird-dog' }.id");
        int before = contentVersion(exerciseId);
        List<String> assignedWords = given().auth().oauth2(Tokens.accessToken("theo")).get("/api/exercises").then()
                .extract().path("items.find { it.slug == 'bird-dog' }.instructions");
        String planId = assignBirdDog(exerciseId);
        long versionsBefore = contentRows(exerciseId);

        LibrarySeeder.Library corrected = correctedBirdDogAndTemplate(shipped);
        // Two replicas start with the corrected file at the same moment.
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<LibrarySeeder.Outcome>> replicas = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replicas.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return seeder.apply(corrected);
            }));
        }
        List<LibrarySeeder.Outcome> outcomes = replicas.stream().map(CompletableFuture::join).toList();
        assertThat(outcomes).extracting(LibrarySeeder.Outcome::corrected).containsExactlyInAnyOrder(2, 0);
        assertThat(outcomes).extracting(LibrarySeeder.Outcome::added).containsExactly(0, 0);

        assertThat(contentVersion(exerciseId)).isEqualTo(before + 1);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/exercises").then().statusCode(200)
                .body("items.find { it.slug == 'bird-dog' }.contentVersion", equalTo(before + 1))
                .body("items.find { it.slug == 'bird-dog' }.instructions[0]", equalTo(CORRECTED));
        // The earlier words stay on record beside the new version, which says the seed made it, with which version.
        assertThat(contentRows(exerciseId)).isEqualTo(Math.max(versionsBefore, 1) + 1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Exercise.getEntityManager().createNativeQuery(
                "SELECT recorded_by || ':' || seed_version FROM exercise_content WHERE exercise_id = CAST(?1 AS uuid) "
                        + "AND content_version = ?2").setParameter(1, exerciseId).setParameter(2, before + 1)
                .getSingleResult())).isEqualTo("seed:2");
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/templates").then().statusCode(200)
                .body("items.find { it.slug == 'acute-back-spasm-4-weeks' }.description",
                        equalTo("Corrected by seed version 2."));

        // The plan assigned before keeps the words it was assigned with; a new plan gets the corrected ones.
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/plans/" + planId).then().statusCode(200)
                .body("items[0].instructions", equalTo(assignedWords))
                .body("items[0].exerciseContentVersion", equalTo(before));
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/plans/" + assignBirdDog(exerciseId)).then()
                .statusCode(200)
                .body("items[0].instructions[0]", equalTo(CORRECTED))
                .body("items[0].exerciseContentVersion", equalTo(before + 1));

        // The same seed version again, or the older file, changes nothing.
        assertThat(seeder.apply(corrected)).isEqualTo(new LibrarySeeder.Outcome(0, 0, 0));
        assertThat(seeder.apply(shipped)).isEqualTo(new LibrarySeeder.Outcome(0, 0, 0));
        assertThat(contentVersion(exerciseId)).isEqualTo(before + 1);
        assertThat(contentRows(exerciseId)).isEqualTo(Math.max(versionsBefore, 1) + 1);
    }

    @Test
    void aCorrectionTheApiWouldRefuseStopsTheStartAndChangesNothing() {
        LibrarySeeder.Library shipped = LibrarySeeder.read(mapper);
        String slug = "dead-bug";
        int before = QuarkusTransaction.requiringNew().call(() -> Exercise.bySlug(slug).orElseThrow().contentVersion);
        List<LibrarySeeder.SeedExercise> exercises = shipped.exercises().stream().map(e -> !e.slug().equals(slug) ? e
                : new LibrarySeeder.SeedExercise(e.slug(), 3, e.name(), e.category(), e.summary(), e.instructions(),
                        e.cautions(), e.whySafe(), new care.homeprogram.plans.domain.Dose(null, null, null, null, null,
                                e.defaultDose().daysOfWeek(), 4),
                        e.flags(), e.sources(), e.temperature(), e.bodyRegions(), e.illustration())).toList();

        assertThatThrownBy(() -> seeder.apply(new LibrarySeeder.Library(shipped.version(), exercises,
                shipped.templates()))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("seed/library.json is invalid").hasMessageContaining("defaultDose");
        assertThat(QuarkusTransaction.requiringNew().call(() -> Exercise.bySlug(slug).orElseThrow().contentVersion))
                .isEqualTo(before);
        assertThat(QuarkusTransaction.requiringNew().call(() -> LibrarySeeder.applied(LibrarySeeder.Kind.EXERCISE,
                slug))).isEqualTo(1);
    }

    /** bird-dog's first instruction corrected and the acute template's description, each at seed version 2. */
    private static LibrarySeeder.Library correctedBirdDogAndTemplate(LibrarySeeder.Library shipped) {
        List<LibrarySeeder.SeedExercise> exercises = shipped.exercises().stream().map(e -> {
            if (!e.slug().equals("bird-dog")) {
                return e;
            }
            List<String> instructions = new ArrayList<>(e.instructions());
            instructions.set(0, CORRECTED);
            return new LibrarySeeder.SeedExercise(e.slug(), 2, e.name(), e.category(), e.summary(), instructions,
                    e.cautions(), e.whySafe(), e.defaultDose(), e.flags(), e.sources(), e.temperature(),
                    e.bodyRegions(), e.illustration());
        }).toList();
        List<LibrarySeeder.SeedTemplate> templates = shipped.templates().stream().map(t -> !t.slug()
                .equals("acute-back-spasm-4-weeks") ? t
                : new LibrarySeeder.SeedTemplate(t.slug(), 2, t.name(), "Corrected by seed version 2.", t.condition(),
                        t.acute(), t.items())).toList();
        return new LibrarySeeder.Library(shipped.version(), exercises, templates);
    }

    private static String assignBirdDog(String exerciseId) {
        return given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + POLLY + "\", \"items\": [{\"exerciseId\": \"" + exerciseId
                        + "\", \"dose\": " + DOSE + "}]}")
                .post("/api/plans").then().statusCode(201).extract().path("id");
    }

    private static int contentVersion(String exerciseId) {
        return QuarkusTransaction.requiringNew().call(
                () -> Exercise.<Exercise>findById(java.util.UUID.fromString(exerciseId)).contentVersion);
    }

    private static long contentRows(String exerciseId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Exercise.getEntityManager().createNativeQuery(
                "SELECT count(*) FROM exercise_content WHERE exercise_id = CAST(?1 AS uuid)").setParameter(1, exerciseId)
                .getSingleResult()).longValue());
    }
}
