package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/plans/mine/today}: the patient's Today page in one read (issue 19 item 3, issue 13 item 6). Each
 * part is what the separate read answers, for the patient themselves only, with one audit record naming them, and
 * it stays current after every write (the plans part is the kept screen, {@code MyPlansStayCurrentTest}).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class PatientDayApiTest {
    @Inject
    AuditLog audit;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void oneReadAnswersWhatTheSeparateReadsAnswerAndLeavesOneRecordNamingThePatient() {
        String planId = assignAcute("tara", PAT);
        JsonPath plan = as("pat").get("/api/plans/" + planId).then().statusCode(200).extract().jsonPath();
        List<String> dueItems = plan.getList("today.items.itemId");
        assertThat(dueItems).as("the acute plan has exercises due on its first day").isNotEmpty();
        String sessionId = logSession("pat", planId, dueItems.get(0), 2, 3, "", "").statusCode(201).extract()
                .path("sessionId");

        String correlationId = "day-" + UUID.randomUUID();
        JsonPath day = as("pat").header("X-Correlation-Id", correlationId).get("/api/plans/mine/today").then()
                .statusCode(200).contentType(ContentType.JSON).extract().jsonPath();

        assertThat(day.getMap("plans")).isEqualTo(separate("/api/plans/mine").getMap(""));
        // today's sessions of the plan with something due, the one just logged among them
        List<Map> today = day.getList("sessionsToday." + quoted(planId), Map.class);
        assertThat(today).extracting(s -> s.get("id")).contains(sessionId);
        assertThat(today).isSubsetOf(separate("/api/plans/" + planId + "/sessions").getList("items", Map.class));
        // the pictures of every entry due, as GET /api/media answers them
        List<String> exercises = plan.getList("items", Map.class).stream()
                .filter(i -> dueItems.contains(i.get("id"))).map(i -> (String) i.get("exerciseId")).distinct()
                .toList();
        assertThat(day.getMap("media").keySet()).containsExactlyInAnyOrderElementsOf(exercises);
        List<Map> media = separate("/api/media?" + String.join("&", exercises.stream()
                .map(e -> "exerciseId=" + e).toList())).getList("items", Map.class);
        for (String exercise : exercises) {
            assertThat(day.getList("media." + quoted(exercise), Map.class))
                    .isEqualTo(media.stream().filter(m -> exercise.equals(m.get("exerciseId"))).toList());
        }
        assertThat(day.getList("dueMeasures", Map.class))
                .isEqualTo(separate("/api/measures/due").getList("items", Map.class));

        // one request, one record: the patient read their own data
        assertThat(audit.byCorrelationId(correlationId)).singleElement().satisfies(entry -> {
            assertThat(entry.patientId()).isEqualTo(PAT);
            assertThat(entry.actorSub()).isEqualTo(PAT.toString());
            assertThat(entry.outcome()).isEqualTo("ALLOWED");
        });
    }

    @Test
    void theNextReadShowsEveryChangeOfThePlanAndEverySessionLogged() {
        String planId = assignAcute("tara", PAT);
        String itemId = as("pat").get("/api/plans/" + planId).then().statusCode(200).extract()
                .path("today.items[0].itemId");
        assertThat(day().getList("sessionsToday." + quoted(planId))).isEmpty();

        String sessionId = logSession("pat", planId, itemId, 1, 2, "", "").statusCode(201).extract()
                .path("sessionId");
        assertThat(day().getList("sessionsToday." + quoted(planId) + ".id")).containsExactly(sessionId);

        as("tara").contentType(ContentType.JSON).body("{\"status\": \"ON_HOLD\", \"reason\": \"holiday\"}")
                .patch("/api/plans/" + planId).then().statusCode(200);
        JsonPath onHold = day();
        assertThat(onHold.getString("plans.items.find { it.id == '" + planId + "' }.status")).isEqualTo("ON_HOLD");
        assertThat(onHold.getMap("sessionsToday")).as("nothing is due on a plan on hold").doesNotContainKey(planId);

        as("tara").contentType(ContentType.JSON).body("{\"status\": \"ACTIVE\", \"reason\": \"back home\"}")
                .patch("/api/plans/" + planId).then().statusCode(200);
        JsonPath active = day();
        assertThat(active.getString("plans.items.find { it.id == '" + planId + "' }.status")).isEqualTo("ACTIVE");
        assertThat(active.getList("sessionsToday." + quoted(planId) + ".id")).containsExactly(sessionId);
        assertThat(active.getMap("plans")).isEqualTo(separate("/api/plans/mine").getMap(""));
    }

    /**
     * Today's sessions are read for the patient's local day only: exactly the plan's sessions whose time falls on
     * that date in the patient's zone, withdrawn ones with their change, and none of the day before.
     */
    @Test
    void todaysSessionsAreExactlyThoseOfThePatientsLocalDateWithTheirChanges() {
        String planId = assignAcute("tara", PAT);
        String itemId = as("pat").get("/api/plans/" + planId).then().statusCode(200).extract()
                .path("today.items[0].itemId");
        String yesterday = logSession("pat", planId, itemId, 1, 2, "", "").statusCode(201).extract()
                .path("sessionId");
        TestClockProducer.CLOCK.advance(Duration.ofDays(1));
        String kept = logSession("pat", planId, itemId, 1, 2, "", "").statusCode(201).extract().path("sessionId");
        String withdrawn = logSession("pat", planId, itemId, 2, 2, "", "").statusCode(201).extract()
                .path("sessionId");
        as("pat").contentType(ContentType.JSON).body("{\"reason\": \"logged twice\"}")
                .post("/api/plans/" + planId + "/sessions/" + withdrawn + "/withdraw").then().statusCode(200);

        JsonPath day = day();
        JsonPath plan = as("pat").get("/api/plans/" + planId).then().statusCode(200).extract().jsonPath();
        ZoneId zone = ZoneId.of(plan.getString("today.timeZone"));
        LocalDate date = LocalDate.parse(plan.getString("today.date"));
        List<Map> onThatDate = separate("/api/plans/" + planId + "/sessions").getList("items", Map.class).stream()
                .filter(s -> OffsetDateTime.parse((String) s.get("performedAt")).atZoneSameInstant(zone)
                        .toLocalDate().equals(date))
                .toList();
        List<Map> today = day.getList("sessionsToday." + quoted(planId), Map.class);
        assertThat(today).isEqualTo(onThatDate);
        assertThat(today).extracting(s -> s.get("id")).containsExactlyInAnyOrder(kept, withdrawn)
                .doesNotContain(yesterday);
        assertThat(today).filteredOn(s -> withdrawn.equals(s.get("id"))).singleElement()
                .satisfies(s -> assertThat(s.toString()).contains("logged twice"));
    }

    @Test
    void anotherPatientsDayHoldsNoneOfThisPatientsPlans() {
        String planId = assignAcute("tara", PAT);
        JsonPath sams = as("sam").get("/api/plans/mine/today").then().statusCode(200).extract().jsonPath();
        assertThat(sams.getList("plans.items.id")).doesNotContain(planId);
        assertThat(sams.getMap("sessionsToday")).doesNotContainKey(planId);
    }

    @Test
    void onlyPatientsReadTheirDayAndStrangersAre401() {
        as("tara").get("/api/plans/mine/today").then().statusCode(403);
        as("ada").get("/api/plans/mine/today").then().statusCode(403);
        given().get("/api/plans/mine/today").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/plans/mine/today").then().statusCode(401);
    }

    @Test
    void anUnreadableLanguageIsNotAnError() {
        // the read takes nothing but the language; one it cannot read falls back to English, never a 500
        as("pat").header("Accept-Language", ";;q=x,*;q=99999999999999999999").get("/api/plans/mine/today").then()
                .statusCode(200);
    }

    private static JsonPath day() {
        return as("pat").get("/api/plans/mine/today").then().statusCode(200).extract().jsonPath();
    }

    private static String quoted(String key) {
        return "'" + key + "'";
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user));
    }

    private static JsonPath separate(String path) {
        return as("pat").get(path).then().statusCode(200).extract().jsonPath();
    }
}
