package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.awaitCareTeam;
import static care.homeprogram.plans.PlanFixtures.firstItem;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.plans.PlanFixtures.projectedPatient;
import static care.homeprogram.plans.TestClockProducer.CLOCK;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import care.homeprogram.contract.events.AlertSeverity;
import care.homeprogram.contract.events.EscalationStep;
import care.homeprogram.contract.events.EventType;
import care.homeprogram.contract.events.PatientEvents;
import care.homeprogram.contract.events.PlanEvents;
import care.homeprogram.contract.events.PlanStatus;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.events.CareTeamProjection;
import care.homeprogram.plans.safety.AlertSpec;
import care.homeprogram.plans.safety.Severity;
import care.homeprogram.plans.service.AlertEscalator;
import care.homeprogram.plans.service.AlertService;
import care.homeprogram.plans.service.MeasureDueAnnouncer;
import care.homeprogram.testing.EventFixtures;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * plan-service's two sides of the event contract (docs/events.md). As the producer of plan-events: every type, made by
 * real requests and plan-service's own jobs and read back from its outbox, has the shape of the shared fixture that
 * notification-service's contract test consumes. As a consumer of patient-events: every fixture patient-service's
 * contract test recorded is processed by {@link CareTeamProjection} on the real broker, none dead-lettered, and a
 * version newer than the contract is dead-lettered with its reason, for an admin to see and replay.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class EventContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AlertService alerts;

    @Inject
    AlertEscalator escalator;

    @Inject
    CareTeamProjection careTeams;

    @Inject
    MeasureDueAnnouncer announcer;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void everyPlanEventTheServiceProducesHasTheShapeOfItsContractFixture() throws Exception {
        String tara = Tokens.accessToken("tara");
        PlanFixtures.acknowledgeOpenAlerts("tara", PAT); // so the red pain below raises an alert, not a repeat
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String logged = logSession("pat", planId, itemId, 2, 2, "", "").statusCode(201).extract().path("sessionId");
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON)
                .body("{\"painBefore\": 2, \"painAfter\": 3, \"symptoms\": [], \"setsDone\": 1, \"repsDone\": 5,"
                        + " \"reason\": \"typed 2, meant 3\"}")
                .put("/api/plans/" + planId + "/sessions/" + logged).then().statusCode(200);
        String twice = logSession("pat", planId, itemId, 2, 2, "", "").statusCode(201).extract().path("sessionId");
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON)
                .body("{\"reason\": \"logged twice\"}")
                .post("/api/plans/" + planId + "/sessions/" + twice + "/withdraw").then().statusCode(200);
        // Red pain pauses the item and raises an alert for the care team; the therapist resumes it.
        logSession("pat", planId, itemId, 2, 8, "", "").statusCode(201);
        given().auth().oauth2(tara).contentType(ContentType.JSON).body("{\"reason\": \"reviewed\"}")
                .post("/api/plans/" + planId + "/items/" + itemId + "/resume").then().statusCode(200);
        // A measure attached at intake is announced as due by plan-service's scan.
        OutcomeMeasuresApiTest.attach("tara", planId, "{\"instrument\": \"psfs\", \"atIntake\": true}");
        announcer.announceDue();
        given().auth().oauth2(tara).contentType(ContentType.JSON)
                .body("{\"status\": \"ON_HOLD\", \"reason\": \"contract test\"}")
                .patch("/api/plans/" + planId).then().statusCode(200);

        // A check-in's CRITICAL alert of a patient of their own: reported twice, escalated, acknowledged.
        UUID patient = projectedPatient(TARA);
        awaitCareTeam("tara", patient);
        AlertSpec emergency = new AlertSpec(Severity.CRITICAL, AlertSpec.RED_FLAG_EMERGENCY, "contract test");
        UUID alertId = QuarkusTransaction.requiringNew().call(() -> alerts.raise(patient, null, null, emergency));
        QuarkusTransaction.requiringNew().call(() -> alerts.raise(patient, null, null, emergency));
        Instant raisedAt = Db.alert(alertId).createdAt.toInstant();
        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(15)));
        escalator.escalateDue();
        given().auth().oauth2(tara).post("/api/alerts/" + alertId + "/acknowledge").then().statusCode(200);

        Map<String, JsonNode> firstOfEachType = new LinkedHashMap<>();
        for (String payload : outbox()) {
            JsonNode envelope = JSON.readTree(payload);
            JsonNode data = envelope.path("data");
            if (data.path("planId").asText().equals(planId) || data.path("patientId").asText().equals(
                    patient.toString())) {
                firstOfEachType.putIfAbsent(envelope.path("type").asText(), envelope);
            }
        }
        assertThat(firstOfEachType.keySet()).as("every plan event type, produced by the steps above")
                .containsExactlyInAnyOrderElementsOf(PlanEvents.ALL.stream().map(EventType::name).toList());
        List<String> differences = new ArrayList<>();
        for (EventType<?> type : PlanEvents.ALL) {
            JsonNode envelope = firstOfEachType.get(type.name());
            assertThat(envelope.path("version").asInt()).as(type.name()).isEqualTo(type.version());
            differences.add(EventFixtures.compareOrRecord(PlanEvents.TOPIC, envelope));
        }
        assertThat(differences.stream().filter(Objects::nonNull).toList()).isEmpty();
    }

    /** The domain's values travel by name: each must be one the contract knows, or the event could not be read. */
    @Test
    void theDomainValuesThatTravelAreValuesOfTheContract() {
        assertThat(names(Plan.Status.values())).isEqualTo(names(PlanStatus.values()));
        assertThat(names(Severity.values())).isEqualTo(names(AlertSeverity.values()));
        assertThat(names(care.homeprogram.plans.safety.EscalationStep.values()))
                .isEqualTo(names(EscalationStep.values()));
    }

    @Test
    void everyPatientEventPatientServiceProducesIsProcessedByTheCareTeamProjection() {
        assertThat(careTeams.routes().types()).as("the patient events plan-service acts on")
                .isNotEmpty().allSatisfy(type -> assertThat(type.topic()).isEqualTo(PatientEvents.TOPIC));
        Map<UUID, String> published = new LinkedHashMap<>();
        for (EventType<?> type : PatientEvents.ALL) {
            JsonNode fixture = EventFixtures.read(PatientEvents.TOPIC, type.name()).orElseThrow(() ->
                    new AssertionError("no fixture for " + type + ": run patient-service's EventContractTest with -D"
                            + EventFixtures.MODE + "=write"));
            UUID id = UUID.randomUUID();
            TestEvents.publishRaw(PatientEvents.TOPIC, fixture.path("aggregateId").asText(),
                    EventFixtures.fresh(fixture, id, OffsetDateTime.now(CLOCK), null));
            published.put(id, type.name());
        }
        await().atMost(WAIT).untilAsserted(() -> assertThat(published.keySet())
                .allSatisfy(id -> assertThat(processed(id)).as(published.get(id)).isTrue()));
        assertThat(deadLettered()).as("dead-lettered fixtures").doesNotContainAnyElementsOf(published.keySet());
    }

    @Test
    void aVersionNewerThanTheContractIsDeadLetteredWithItsReasonForAnAdminToSee() {
        JsonNode fixture = EventFixtures.read(PatientEvents.TOPIC, PatientEvents.CARE_TEAM_CHANGED.name())
                .orElseThrow();
        UUID newer = UUID.randomUUID();
        TestEvents.publishRaw(PatientEvents.TOPIC, fixture.path("aggregateId").asText(), EventFixtures.fresh(fixture,
                newer, OffsetDateTime.now(CLOCK), PatientEvents.CARE_TEAM_CHANGED.version() + 1));

        String admin = Tokens.accessToken("ada");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(admin).get("/api/plans/dead-letters").then()
                .statusCode(200)
                .body("items.find { it.eventId == '" + newer + "' }.reason", allOf(
                        containsString("CareTeamChanged " + newer + " has version 2"),
                        containsString(CareTeamProjection.CONSUMER + " reads CareTeamChanged up to version 1")))
                .body("items.find { it.eventId == '" + newer + "' }.consumer",
                        org.hamcrest.Matchers.equalTo(CareTeamProjection.CONSUMER)));
        assertThat(processed(newer)).isFalse();
    }

    private boolean processed(UUID eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM processed_message WHERE message_id = :id AND consumer = :consumer")
                .setParameter("id", eventId).setParameter("consumer", CareTeamProjection.CONSUMER)
                .getSingleResult()).longValue() == 1);
    }

    private static List<UUID> deadLettered() {
        return TestEvents.readAll(PatientEvents.TOPIC + "-dlq").stream()
                .map(e -> e.path("id").asText(null)).filter(Objects::nonNull).map(UUID::fromString).toList();
    }

    private List<String> outbox() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT e.payload FROM OutboxEvent e WHERE e.topic = :topic ORDER BY e.seq", String.class)
                .setParameter("topic", PlanEvents.TOPIC).getResultList());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
