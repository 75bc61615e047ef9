package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.TestClockProducer.CLOCK;
import static care.homeprogram.testing.DemoUsers.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.contract.events.PlanEvents;
import care.homeprogram.plans.service.MeasureDueAnnouncer;
import care.homeprogram.testing.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reminder's trigger (docs/outcomes.md, "Reminders"): plan-service announces each occasion of a measure once, as a
 * MeasureDue event in its outbox, when the patient's list of due measures starts showing it: intake once the plan is
 * active, week N once the program reaches it, discharge once the plan is completed; never for a revoked plan or a
 * measure with nothing left to ask, and once only with scans running side by side (two replicas).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class MeasureDueAnnouncementTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    MeasureDueAnnouncer announcer;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void eachOccasionIsAnnouncedOnceWhenItBecomesDueIntakeThenWeekOneThenDischarge() throws Exception {
        String planId = assignAcute("tara", PAT);
        LocalDate start = LocalDate.parse(OutcomeMeasuresApiTest.as("tara").get("/api/plans/" + planId).then()
                .statusCode(200).extract().path("startDate"));
        String scheduleId = OutcomeMeasuresApiTest.attach("tara", planId, "{\"instrument\": \"psfs\", "
                + "\"atIntake\": true, \"everyWeeks\": 1, \"atDischarge\": true}");

        // intake: due as soon as the plan is active; a second scan announces nothing new
        announcer.announceDue();
        announcer.announceDue();
        assertThat(announced(scheduleId)).singleElement().satisfies(event -> {
            assertThat(event.path("version").asInt()).isEqualTo(PlanEvents.MEASURE_DUE.version());
            assertThat(event.path("aggregateId").asText()).isEqualTo(planId);
            JsonNode data = event.path("data");
            assertThat(data.path("patientId").asText()).isEqualTo(PAT.toString());
            assertThat(data.path("planId").asText()).isEqualTo(planId);
            assertThat(data.path("occasion").asText()).isEqualTo("INTAKE");
            assertThat(data.path("dueFrom").asText()).isEqualTo(start.toString());
            // minimal: which questionnaire, and any answer, stay in plan-service
            assertThat(data.has("instrument")).isFalse();
            assertThat(event.toString()).doesNotContainIgnoringCase("psfs");
        });
        OutcomeMeasuresApiTest.answer("pat", scheduleId, OutcomeMeasuresApiTest.psfs(3, 4, 5)).statusCode(201);

        // week 1: not on day 6 of the program, on day 7, once though two scans run side by side
        CLOCK.advance(Duration.ofDays(6));
        scanTwiceAtOnce();
        assertThat(occasions(scheduleId)).containsExactly("INTAKE");
        CLOCK.advance(Duration.ofDays(1));
        scanTwiceAtOnce();
        announcer.announceDue();
        assertThat(occasions(scheduleId)).containsExactly("INTAKE", "WEEK_1");
        assertThat(announced(scheduleId).getLast().path("data").path("dueFrom").asText())
                .isEqualTo(start.plusWeeks(1).toString());
        OutcomeMeasuresApiTest.answer("pat", scheduleId, OutcomeMeasuresApiTest.psfs(5, 6, 7)).statusCode(201);

        // discharge: once the plan is completed
        OutcomeMeasuresApiTest.as("tara").body("{\"status\": \"COMPLETED\", \"reason\": \"goals met\"}")
                .patch("/api/plans/" + planId).then().statusCode(200);
        announcer.announceDue();
        announcer.announceDue();
        assertThat(occasions(scheduleId)).containsExactly("INTAKE", "WEEK_1", "DISCHARGE");
        OutcomeMeasuresApiTest.answer("pat", scheduleId, OutcomeMeasuresApiTest.psfs(8, 8, 9)).statusCode(201);
        announcer.announceDue();
        assertThat(occasions(scheduleId)).hasSize(3);
    }

    @Test
    void nothingIsAnnouncedForARevokedPlanOrAMeasureWithNothingLeftToAsk() {
        String revokedPlan = assignAcute("tara", PAT);
        String revoked = OutcomeMeasuresApiTest.attach("tara", revokedPlan, "{\"instrument\": \"psfs\", "
                + "\"atIntake\": true, \"everyWeeks\": 1, \"atDischarge\": true}");
        OutcomeMeasuresApiTest.as("tara").body("{\"status\": \"REVOKED\", \"reason\": \"assigned in error\"}")
                .patch("/api/plans/" + revokedPlan).then().statusCode(200);

        // intake only, answered before any scan: the measure is done, nobody is reminded of it
        String answeredPlan = assignAcute("tara", PAT);
        String answered = OutcomeMeasuresApiTest.attach("tara", answeredPlan, "{\"instrument\": \"psfs\", "
                + "\"atIntake\": true}");
        OutcomeMeasuresApiTest.answer("pat", answered, OutcomeMeasuresApiTest.psfs(3, 4, 5)).statusCode(201);

        announcer.announceDue();
        CLOCK.advance(Duration.ofDays(7));
        announcer.announceDue();
        assertThat(announced(revoked)).isEmpty();
        assertThat(announced(answered)).isEmpty();
    }

    /** Two scans at once, as two replicas would run them (other tests' measures may be announced too). */
    private void scanTwiceAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(announcer::announceDue, pool);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(announcer::announceDue, pool);
            a.get();
            b.get();
        } finally {
            pool.shutdown();
        }
    }

    private List<String> occasions(String scheduleId) {
        return announced(scheduleId).stream().map(e -> e.path("data").path("occasion").asText()).toList();
    }

    /** The schedule's MeasureDue events in the outbox, in the order they were written. */
    private List<JsonNode> announced(String scheduleId) {
        List<String> payloads = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "SELECT e.payload FROM OutboxEvent e WHERE e.topic = :topic AND e.type = :type ORDER BY e.seq",
                String.class).setParameter("topic", PlanEvents.TOPIC)
                .setParameter("type", PlanEvents.MEASURE_DUE.name()).getResultList());
        List<JsonNode> events = new ArrayList<>();
        for (String payload : payloads) {
            try {
                JsonNode event = JSON.readTree(payload);
                if (event.path("data").path("scheduleId").asText().equals(scheduleId)) {
                    events.add(event);
                }
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return events;
    }
}
