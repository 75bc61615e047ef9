package care.homeprogram.notifications;

import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.TestEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events notification-service consumes, shaped exactly as patient-service and plan-service publish them
 * (docs/events.md), with their occurredAt taken from the test clock.
 */
final class Events {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private Events() {
    }

    /** Quiet hours that never apply, for tests that must not depend on the time of day they run at. */
    static final Map<String, String> NO_QUIET_HOURS = Map.of("start", "00:00", "end", "00:00");

    static OffsetDateTime now() {
        return OffsetDateTime.now(TestClockProducer.CLOCK).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static String email(UUID person) {
        return DemoUsers.email("n-" + person.toString().substring(0, 13));
    }

    static UUID publish(String topic, String type, UUID key, OffsetDateTime occurredAt, Object data) {
        UUID id = UUID.randomUUID();
        TestEvents.publishRaw(topic, key.toString(), envelope(id, type, key, occurredAt, data));
        return id;
    }

    static String envelope(UUID id, String type, UUID aggregateId, OffsetDateTime occurredAt, Object data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("version", 1);
        envelope.put("aggregateId", aggregateId.toString());
        envelope.set("data", JSON.valueToTree(data));
        return envelope.toString();
    }

    static Map<String, Object> contact(UUID patient, String zone, Map<String, String> quietHours, boolean email,
            boolean inApp, String status) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("patientId", patient.toString());
        data.put("therapistIds", List.of(DemoUsers.TARA.toString()));
        data.put("email", email(patient));
        data.put("timeZone", zone);
        data.put("quietHours", quietHours);
        data.put("channels", Map.of("email", email, "inApp", inApp));
        data.put("status", status);
        return data;
    }

    /** A patient as patient-service announces them, with no quiet hours unless a test says otherwise. */
    static void registerPatient(UUID patient, String zone) {
        patientEvent("PatientRegistered", patient, now(), contact(patient, zone, NO_QUIET_HOURS, true, true,
                "ACTIVE"));
    }

    static void patientEvent(String type, UUID patient, OffsetDateTime occurredAt, Map<String, Object> contact) {
        publish("patient-events", type, patient, occurredAt, contact);
    }

    static void registerTherapist(UUID therapist, String zone) {
        publish("patient-events", "TherapistRegistered", therapist, now(), Map.of(
                "therapistId", therapist.toString(), "email", email(therapist), "timeZone", zone,
                "channels", Map.of("email", true, "inApp", true), "status", "ACTIVE"));
    }

    static Map<String, Object> item(UUID itemId, int timesPerDay) {
        return item(itemId, timesPerDay, 4);
    }

    static Map<String, Object> item(UUID itemId, int timesPerDay, int weeks) {
        return Map.of("itemId", itemId.toString(), "startWeek", 1, "weeks", weeks,
                "daysOfWeek", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "timesPerDay", timesPerDay);
    }

    static Map<String, Object> schedule(UUID plan, UUID patient, int version, LocalDate startDate, String status,
            List<Map<String, Object>> items) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("planId", plan.toString());
        data.put("patientId", patient.toString());
        data.put("therapistId", DemoUsers.TARA.toString());
        data.put("version", version);
        data.put("startDate", startDate.toString());
        data.put("status", status);
        data.put("items", items);
        return data;
    }

    static UUID planAssigned(UUID plan, UUID patient, LocalDate startDate, List<Map<String, Object>> items) {
        return publish("plan-events", "PlanAssigned", plan, now(), schedule(plan, patient, 1, startDate, "ACTIVE",
                items));
    }

    static UUID planChanged(UUID plan, UUID patient, int version, LocalDate startDate, String status,
            List<Map<String, Object>> items) {
        return publish("plan-events", "PlanChanged", plan, now(), schedule(plan, patient, version, startDate, status,
                items));
    }

    static void itemPaused(UUID plan, UUID patient, UUID item) {
        publish("plan-events", "ItemPaused", plan, now(), Map.of("planId", plan.toString(), "patientId",
                patient.toString(), "itemId", item.toString(), "reasonCode", "PAIN_RED"));
    }

    static void itemResumed(UUID plan, UUID patient, UUID item) {
        publish("plan-events", "ItemResumed", plan, now(), Map.of("planId", plan.toString(), "patientId",
                patient.toString(), "itemId", item.toString(), "resumedBy", DemoUsers.TARA.toString()));
    }

    static void sessionLogged(UUID plan, UUID patient, UUID item, OffsetDateTime performedAt) {
        publish("plan-events", "SessionLogged", patient, now(), Map.of("sessionId", UUID.randomUUID().toString(),
                "planId", plan.toString(), "patientId", patient.toString(), "itemId", item.toString(),
                "performedAt", performedAt.toString()));
    }

    static UUID alertRaised(UUID alert, UUID patient, List<UUID> therapists, String severity) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.toString());
        data.put("patientId", patient.toString());
        data.put("planId", UUID.randomUUID().toString());
        data.put("itemId", null);
        data.put("therapistIds", therapists.stream().map(UUID::toString).toList());
        data.put("severity", severity);
        data.put("reasonCode", "PAIN_RED");
        return publish("plan-events", "AlertRaised", patient, now(), data);
    }

    static void alertAcknowledged(UUID alert, UUID patient, UUID by) {
        publish("plan-events", "AlertAcknowledged", patient, now(), Map.of("alertId", alert.toString(),
                "patientId", patient.toString(), "acknowledgedBy", by.toString(), "acknowledgedAt", now().toString()));
    }
}
