package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.notifications.domain.AdherenceLevel;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.ScheduledPlan;
import care.homeprogram.notifications.service.AdherenceSweep;
import care.homeprogram.testing.AuditTrailWalk;
import care.homeprogram.testing.OpenApiOperations;
import care.homeprogram.testing.OpenApiOperations.Operation;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every access to notification-service's API leaves an audit record; a patient's inbox, deliveries and preferences
 * name the patient, and a therapist's adherence list names each patient it shows (finding 1 of issue #12). A
 * therapist's own inbox names no patient: its messages carry no patient id or health detail (MessageTemplate).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class AuditTrailTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final String ZONE = "Europe/Berlin";

    @Inject
    AuditLog audit;

    @Inject
    AdherenceSweep sweep;

    @Test
    void everyOperationIsRecordedAndNamesThePatientWhoseDataItTouched() {
        UUID plan = inactivePlanOf(PAT);
        String notificationId = given().auth().oauth2(Tokens.accessToken("pat")).get("/api/notifications?size=100")
                .then().statusCode(200).extract().path("items[0].id");
        assertThat(notificationId).as("pat has a notification about plan %s", plan).isNotNull();

        String subscriptionId = given().auth().oauth2(Tokens.accessToken("pat")).contentType("application/json")
                .body(PushSubscriptionApiTest.subscription("http://localhost:9/push/" + UUID.randomUUID()))
                .post("/api/notifications/push/subscriptions").then().statusCode(201).extract().path("id");

        List<Operation> operations = OpenApiOperations.all();
        assertThat(operations.stream().map(Operation::toString)).contains("GET /api/notifications",
                "GET /api/notifications/unread", "POST /api/notifications/{id}/read", "GET /api/notifications/adherence",
                "GET /api/notifications/audit/verify", "GET /api/notifications/push/key",
                "POST /api/notifications/push/subscriptions", "DELETE /api/notifications/push/subscriptions/{id}");
        AuditTrailWalk walk = new AuditTrailWalk("notification-service", audit::byCorrelationId,
                operation -> operation.path(name -> operation.template().startsWith("/api/notifications/{")
                        ? notificationId
                        : operation.template().startsWith("/api/notifications/push/subscriptions/{")
                                ? subscriptionId : UUID.randomUUID().toString()),
                AuditTrailTest::touchesPatient, PAT);
        assertThat(walk.walk(operations)).isEqualTo(4 * operations.size());
    }

    /** pat's own notifications and settings are pat's data; of tara's, only the adherence list shows a patient. */
    private static boolean touchesPatient(Operation operation, String who) {
        String t = operation.template();
        if (t.startsWith("/api/notifications/audit") || t.startsWith("/api/notifications/dead-letters")) {
            return false;
        }
        return who.equals("pat") || t.equals("/api/notifications/adherence");
    }

    @Test
    void aTherapistsAdherenceListLeavesARecordPerPatientListed() {
        UUID other = UUID.randomUUID();
        inactivePlanOf(PAT);
        inactivePlanOf(other);

        String correlationId = "adherence-" + UUID.randomUUID();
        List<String> listed = given().auth().oauth2(Tokens.accessToken("tara")).header("X-Correlation-Id",
                correlationId).get("/api/notifications/adherence?size=100").then().statusCode(200)
                .extract().path("items.patientId");
        Set<UUID> shown = listed.stream().map(UUID::fromString).collect(Collectors.toSet());
        assertThat(shown).contains(PAT, other);

        List<AuditEntry> entries = audit.byCorrelationId(correlationId);
        assertThat(entries).hasSize(shown.size()).allSatisfy(e -> {
            assertThat(e.resource()).isEqualTo("/api/notifications/adherence");
            assertThat(e.actorSub()).isEqualTo(TARA.toString());
        });
        assertThat(entries.stream().map(AuditEntry::patientId).collect(Collectors.toSet())).isEqualTo(shown);
    }

    /** A plan of the patient (in tara's care), with no session for 3 days: it is on tara's adherence list. */
    private UUID inactivePlanOf(UUID patient) {
        UUID plan = UUID.randomUUID();
        Events.registerPatient(patient, ZONE);
        await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(patient)) != null);
        Events.planAssigned(plan, patient, LocalDate.now(CLOCK.withZone(ZoneId.of(ZONE))),
                List.of(Events.item(UUID.randomUUID(), 1, 8)));
        await().atMost(WAIT).until(() -> Db.read(() -> ScheduledPlan.findById(plan)) != null);
        CLOCK.advance(Duration.ofDays(3).plusHours(1));
        assertThat(sweep.sweepPlan(plan)).contains(AdherenceLevel.INACTIVE);
        return plan;
    }
}
