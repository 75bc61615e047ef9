package care.homeprogram.plans.config;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.ExerciseMedia;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, item 2: every seeded entry's "illustration" (an SVG under seed/ and its alt text in library.json) is
 * attached at start, checked and sanitised like an upload, once however often the service starts, and shown to the
 * people who may see the entry.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class SeededIllustrationTest {

    @Inject
    LibrarySeeder seeder;

    private boolean illustrate(String slug, String file, String alt) {
        return QuarkusTransaction.requiringNew().call(
                () -> seeder.illustrate(slug, new LibrarySeeder.Illustration(file, alt)));
    }

    private static List<ExerciseMedia> seeded(String slug) {
        return QuarkusTransaction.requiringNew().call(() -> ExerciseMedia.<ExerciseMedia>list(
                "exercise.id = ?1 and seedFile is not null", Exercise.bySlug(slug).orElseThrow().id));
    }

    /** slug → [file, alt] of every exercise the library ships. */
    private static Map<String, List<String>> shippedIllustrations() throws Exception {
        try (InputStream in = SeededIllustrationTest.class.getResourceAsStream("/seed/library.json")) {
            JsonNode library = new ObjectMapper().readTree(in);
            Map<String, List<String>> drawings = new LinkedHashMap<>();
            for (JsonNode exercise : library.get("exercises")) {
                JsonNode illustration = exercise.path("illustration");
                drawings.put(exercise.get("slug").asText(), illustration.isMissingNode() ? List.of()
                        : List.of(illustration.get("file").asText(), illustration.get("alt").asText()));
            }
            return drawings;
        }
    }

    @Test
    void everySeededExerciseShowsItsDrawingOnceHoweverOftenTheServiceStarts() throws Exception {
        Map<String, List<String>> shipped = shippedIllustrations();
        assertThat(shipped).isNotEmpty();
        shipped.forEach((slug, drawing) -> {
            assertThat(drawing).as("%s ships a drawing", slug).hasSize(2);
            assertThat(illustrate(slug, drawing.get(0), drawing.get(1)))
                    .as("%s's drawing was attached at start, so another start adds nothing", slug).isFalse();
            List<ExerciseMedia> media = seeded(slug);
            assertThat(media).as(slug).hasSize(1);
            assertThat(media.get(0).contentType).isEqualTo("image/svg+xml");
            assertThat(media.get(0).seedFile).isEqualTo(drawing.get(0));
            assertThat(media.get(0).uploadedBy).isNull();
        });

        ExerciseMedia birdDog = seeded("bird-dog").get(0);
        String svg = given().auth().oauth2(Tokens.accessToken("tara")).get("/api/media/" + birdDog.id).then()
                .statusCode(200).contentType("image/svg+xml").extract().asString();
        assertThat(svg).contains("<title").doesNotContain("<script");
        List<Map<String, Object>> listed = given().auth().oauth2(Tokens.accessToken("tara"))
                .get("/api/exercises/" + birdDog.exercise.id + "/media").then().statusCode(200).extract()
                .path("items.findAll { it.seeded }");
        assertThat(listed).extracting(m -> m.get("description")).containsExactly(shipped.get("bird-dog").get(1));
    }

    @Test
    void aDrawingThatIsNotThereStopsTheStart() {
        assertThatThrownBy(() -> illustrate("bird-dog", "illustrations/not-there.svg", "A figure on all fours"))
                .hasMessageContaining("not in seed/");
        assertThat(seeded("bird-dog")).extracting(m -> m.seedFile).doesNotContain("illustrations/not-there.svg");
    }
}
