package care.homeprogram.patients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.contract.events.CareTeamChangeStatus;
import care.homeprogram.contract.events.ContactStatus;
import care.homeprogram.contract.events.EventType;
import care.homeprogram.contract.events.PatientEvents;
import care.homeprogram.patients.TestPeople.Person;
import care.homeprogram.patients.domain.Patient;
import care.homeprogram.testing.EventFixtures;
import care.homeprogram.testing.RealInfrastructure;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * patient-service's side of the event contract (docs/events.md): every event type it announces, produced by real
 * requests and read back from its outbox as the relay publishes it, has the shape of the shared fixture that the
 * consumers' contract tests feed to plan-service and notification-service; and its domain values map onto the
 * contract's enums without loss.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class EventContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Test
    void everyPatientEventTheServiceProducesHasTheShapeOfItsContractFixture() throws Exception {
        Person therapist = TestPeople.account("therapist");
        Person colleague = TestPeople.account("therapist");
        Person patient = TestPeople.patientOf(therapist);
        String admin = Tokens.accessToken("ada");

        given().auth().oauth2(patient.token()).contentType(ContentType.JSON)
                .body(Map.of("timeZone", "Europe/Berlin", "preferredLanguage", "es"))
                .when().patch("/api/patients/me").then().statusCode(200);
        given().auth().oauth2(therapist.token()).contentType(ContentType.JSON)
                .body(Map.of("quietHours", Map.of("start", "22:00", "end", "07:00")))
                .when().patch("/api/therapists/me").then().statusCode(200);
        given().auth().oauth2(therapist.token()).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(therapist.id(), colleague.id())))
                .when().put("/api/patients/" + patient.id() + "/care-team").then().statusCode(200);
        given().auth().oauth2(therapist.token()).contentType(ContentType.JSON)
                .body(Map.of("ageAtFirstOnset", 56, "steroidUse", true))
                .when().put("/api/patients/" + patient.id() + "/intake").then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/accounts/" + patient.id()).then().statusCode(200);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .when().patch("/api/accounts/" + patient.id()).then().statusCode(200);
        // An admin taking a therapist off the team adds nobody: applied at once, announced as CareTeamAdminChange.
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(therapist.id())))
                .when().put("/api/patients/" + patient.id() + "/care-team").then().statusCode(200);

        Map<String, JsonNode> firstOfEachType = new LinkedHashMap<>();
        for (String payload : outbox(List.of(patient.id(), therapist.id()))) {
            JsonNode envelope = JSON.readTree(payload);
            firstOfEachType.putIfAbsent(envelope.path("type").asText(), envelope);
        }
        assertThat(firstOfEachType.keySet()).as("every patient event type, produced by the requests above")
                .containsExactlyInAnyOrderElementsOf(PatientEvents.ALL.stream().map(EventType::name).toList());
        List<String> differences = new ArrayList<>();
        for (EventType<?> type : PatientEvents.ALL) {
            JsonNode envelope = firstOfEachType.get(type.name());
            assertThat(envelope.path("version").asInt()).as(type.name()).isEqualTo(type.version());
            differences.add(EventFixtures.compareOrRecord(PatientEvents.TOPIC, envelope));
        }
        assertThat(differences.stream().filter(Objects::nonNull).toList()).isEmpty();
        assertThat(firstOfEachType.get("PatientRegistered").path("data").has("preferredLanguage"))
                .as("a patient created without a language has no preference: absent, English for messages")
                .isFalse();
        assertThat(firstOfEachType.get("PatientContactChanged").path("data").path("preferredLanguage").asText())
                .as("the language the patient chose travels to notification-service").isEqualTo("es");
    }

    /** The domain's values travel by name: each must be one the contract knows, or the event could not be read. */
    @Test
    void theDomainValuesThatTravelAreValuesOfTheContract() {
        assertThat(names(Patient.Status.values())).isEqualTo(names(ContactStatus.values()));
        assertThat(names(CareTeamChangeStatus.values())).containsExactly("PENDING", "APPLIED");
    }

    private List<String> outbox(List<UUID> aggregates) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT e.payload FROM OutboxEvent e WHERE e.aggregateId IN :aggregates ORDER BY e.seq",
                        String.class)
                .setParameter("aggregates", aggregates).getResultList());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
