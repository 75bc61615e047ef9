package care.homeprogram.journey;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.KafkaUser;
import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What several journeys do the same way: give a patient the acute back-spasm plan, read the platform's topics. */
final class JourneyPlans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JourneyPlans() {
    }

    /**
     * A new patient of tara's with a temporary password and an intake screen without flags, once plan-service knows
     * them (fresh patients keep the demo patients as the other journeys expect them); returns the patient's id.
     */
    static String newScreenedPatient(String username, String firstName, String lastName, String temporaryPassword) {
        return newScreenedPatient(username, firstName, lastName, temporaryPassword, "en");
    }

    /** The same, for a patient whose record keeps {@code preferredLanguage} (en, es, de) from the start. */
    static String newScreenedPatient(String username, String firstName, String lastName, String temporaryPassword,
            String preferredLanguage) {
        String tara = Tokens.accessToken("tara");
        var platform = RunningPlatform.get();
        String id = given().baseUri(platform.url(Service.PATIENTS)).auth().oauth2(tara).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@demo.homeprogram.test", "firstName",
                        firstName, "lastName", lastName, "birthDate", "1975-06-07", "timeZone", "Europe/Berlin",
                        "password", temporaryPassword, "temporaryPassword", true,
                        "preferredLanguage", preferredLanguage))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        given().baseUri(platform.url(Service.PATIENTS)).auth().oauth2(tara).contentType(ContentType.JSON)
                .body("{\"ageAtFirstOnset\": 35}").put("/api/patients/" + id + "/intake").then().statusCode(200);
        // plan-service learns the care team from patient-service's events, a moment later.
        String plans = platform.url(Service.PLANS);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(plans).auth().oauth2(tara)
                .get("/api/plans?patientId=" + id).statusCode() == 200);
        return id;
    }

    /** A therapist assigns the acute back-spasm template to a patient of theirs; returns the new plan's id. */
    static String assignAcute(Platform platform, String therapist, UUID patientId) {
        String token = Tokens.accessToken(therapist);
        String plans = platform.url(Service.PLANS);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(plans).auth().oauth2(token)
                .get("/api/plans?patientId=" + patientId).statusCode() == 200);
        String templateId = given().baseUri(plans).auth().oauth2(token).get("/api/templates").then()
                .extract().path("items.find { it.slug == 'acute-back-spasm-4-weeks' }.id");
        return given().baseUri(plans).auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + patientId + "\", \"templateId\": \"" + templateId + "\"}")
                .post("/api/plans").then().statusCode(201).extract().path("id");
    }

    /** Every event of the platform's topic that matches, read from the beginning by a reader of its own. */
    static List<JsonNode> events(String topic, Predicate<JsonNode> matching) throws Exception {
        Properties properties = TestEvents.testUser();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG,
                KafkaUser.TESTS.username() + ".journey-reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<JsonNode> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(RunningPlatform.topicPrefix() + topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var polled = consumer.poll(Duration.ofMillis(700));
                if (polled.isEmpty()) {
                    emptyPolls++;
                }
                for (ConsumerRecord<String, String> record : polled) {
                    JsonNode event = JSON.readTree(record.value());
                    if (matching.test(event)) {
                        events.add(event);
                    }
                }
            }
        }
        return events;
    }

    /** A producer on the shared broker that waits for every replica (acks=all) and at most 30 s for metadata. */
    static KafkaProducer<String, String> producer() {
        Properties properties = TestEvents.testUser();
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TimeUnit.SECONDS.toMillis(30));
        return new KafkaProducer<>(properties);
    }

    /** Sends an event envelope to the platform's topic as another service would, keyed by its aggregate. */
    static void send(KafkaProducer<String, String> producer, String topic, UUID key, UUID id, String type,
            String data) {
        String envelope = "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + OffsetDateTime.now()
                + "\",\"version\":1,\"aggregateId\":\"" + key + "\",\"data\":" + data + "}";
        producer.send(new ProducerRecord<>(RunningPlatform.topicPrefix() + topic, key.toString(), envelope));
    }

    /** The SessionLogged events of one plan. */
    static List<JsonNode> sessionEvents(String planId) throws Exception {
        return events("plan-events", event -> "SessionLogged".equals(event.path("type").asText())
                && planId.equals(event.path("data").path("planId").asText()));
    }
}
