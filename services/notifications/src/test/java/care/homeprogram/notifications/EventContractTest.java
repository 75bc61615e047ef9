package care.homeprogram.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.contract.events.EventType;
import care.homeprogram.contract.events.PatientEvents;
import care.homeprogram.contract.events.PlanEvents;
import care.homeprogram.notifications.events.PlanEventsConsumer;
import care.homeprogram.notifications.events.RecipientProjection;
import care.homeprogram.testing.EventFixtures;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * notification-service's side of the event contract (docs/events.md): every event patient-service and plan-service
 * produce, as their own contract tests recorded it from their outboxes into the shared fixtures, is processed by the
 * consumer of its topic on the real broker, and none is dead-lettered. Both consumers act only on types of the
 * shared contract.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class EventContractTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    RecipientProjection recipients;

    @Inject
    PlanEventsConsumer plans;

    @Test
    void everyEventOfBothProducersIsProcessedByItsConsumerAndNoneIsDeadLettered() {
        assertThat(recipients.routes().types()).isNotEmpty()
                .allSatisfy(type -> assertThat(PatientEvents.ALL).contains(type));
        assertThat(plans.routes().types()).isNotEmpty().allSatisfy(type -> assertThat(PlanEvents.ALL).contains(type));

        // patient-events first: the plan events then find their recipients, as they would in production.
        Map<UUID, String> patientEvents = publishEveryFixture(PatientEvents.TOPIC, PatientEvents.ALL);
        await().atMost(WAIT).untilAsserted(() -> assertThat(patientEvents.keySet())
                .allSatisfy(id -> assertThat(Db.processed(id)).as(patientEvents.get(id)).isTrue()));
        Map<UUID, String> planEvents = publishEveryFixture(PlanEvents.TOPIC, PlanEvents.ALL);
        await().atMost(WAIT).untilAsserted(() -> assertThat(planEvents.keySet())
                .allSatisfy(id -> assertThat(Db.processed(id)).as(planEvents.get(id)).isTrue()));

        assertThat(deadLettered(PatientEvents.TOPIC)).doesNotContainAnyElementsOf(patientEvents.keySet());
        assertThat(deadLettered(PlanEvents.TOPIC)).doesNotContainAnyElementsOf(planEvents.keySet());
    }

    private static Map<UUID, String> publishEveryFixture(String topic, List<EventType<?>> types) {
        Map<UUID, String> published = new LinkedHashMap<>();
        for (EventType<?> type : types) {
            JsonNode fixture = EventFixtures.read(topic, type.name()).orElseThrow(() -> new AssertionError(
                    "no fixture for " + type + ": run its producer's EventContractTest with -D" + EventFixtures.MODE
                            + "=write"));
            UUID id = UUID.randomUUID();
            TestEvents.publishRaw(topic, fixture.path("aggregateId").asText(),
                    EventFixtures.fresh(fixture, id, Events.now(), null));
            published.put(id, type.name());
        }
        return published;
    }

    private static List<UUID> deadLettered(String topic) {
        return TestEvents.readAll(topic + "-dlq").stream().map(e -> e.path("id").asText(null))
                .filter(Objects::nonNull).map(UUID::fromString).toList();
    }
}
